import { z } from 'zod';
import { Problem } from '../../services/problem.js';
import { signIn } from '../../services/sessionService.js';
import { SlidingWindowLimiter } from '../../auth/rateLimiter.js';
import type { Endpoint } from '../context.js';
import { SESSION_COOKIE } from '../plugins/authentication.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { emailSchema, userSchema } from '../schemas.js';

const body = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(1024),
  totpCode: z.string().regex(/^\d{6}$/).optional(),
});

export const postLogin: Endpoint = (app, ctx) => {
  const perAddress = new SlidingWindowLimiter(ctx.config.loginRatePerMinute, 60_000);
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: { public: true, reason: 'signing in' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail, password and, when enabled, a TOTP code; sets the session cookie',
        body,
        response: {
          200: z.object({ user: userSchema, csrfToken: z.string() }),
          ...commonErrors,
          423: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const retryAfter = perAddress.hit(request.ip, ctx.deps.clock.now().getTime());
      if (retryAfter > 0) {
        reply.header('retry-after', Math.ceil(retryAfter / 1000));
        throw new Problem(429, 'rate_limited', 'too many sign-in attempts from this address; wait a minute');
      }
      const signedIn = await signIn(ctx.deps, request.ip, request.body);
      reply.setCookie(SESSION_COOKIE, signedIn.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: 'auto',
        expires: new Date(signedIn.expiresAt),
      });
      return { user: signedIn.user, csrfToken: signedIn.csrfToken };
    },
  );
};
