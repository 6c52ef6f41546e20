import { z } from 'zod';
import { setTotpEnabled } from '../../services/sessionService.js';
import { actorOf, currentUser, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { userSchema } from '../schemas.js';

const body = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

/** Enabling and disabling the second factor both prove possession with a current code. */
function totpToggle(enabled: boolean): Endpoint {
  return (app, ctx) => {
    app.post(
      `/api/v1/auth/totp/${enabled ? 'enable' : 'disable'}`,
      {
        config: { access: { anyUser: true } },
        schema: {
          tags: ['auth'],
          summary: `${enabled ? 'Enable' : 'Disable'} the TOTP second factor with a current code`,
          body,
          response: { 200: z.object({ user: userSchema }), ...commonErrors, 409: problemSchema },
        },
      },
      async (request) => ({ user: await setTotpEnabled(ctx.deps, actorOf(request), currentUser(request).id, request.body.code, enabled) }),
    );
  };
}

export const postTotpEnable = totpToggle(true);
export const postTotpDisable = totpToggle(false);
