import { z } from 'zod';
import { parseProfile } from '../../services/crawl/profile.js';
import { saveProfile } from '../../services/crawl/profileService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { crawlProfileSchema, presentProfile } from './schemas.js';

const body = z.strictObject({ source: z.string().min(1).max(1_000_000).describe('the profile as YAML or JSON text (docs/CRAWLER.md)') });

export const saveCrawlProfileEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/crawl/profiles',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['crawl'],
        summary: 'Add a site profile, or replace the one of the same name (its version goes up). A malformed profile is refused with `crawl.invalid_profile`, its line and the reason.',
        body,
        response: { 200: z.object({ profile: crawlProfileSchema, created: z.boolean() }), ...commonErrors },
      },
    },
    async (request) => {
      const { profile, created } = await saveProfile(ctx.deps, actorOf(request), parseProfile(request.body.source));
      return { profile: presentProfile(profile), created };
    },
  );
};
