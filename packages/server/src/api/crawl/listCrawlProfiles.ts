import { z } from 'zod';
import { listProfiles } from '../../services/crawl/profileService.js';
import type { Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { crawlProfileSchema, presentProfile } from './schemas.js';

export const listCrawlProfilesEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/crawl/profiles',
    {
      config: { access: { roles: ['admin', 'analyst'] } },
      schema: { tags: ['crawl'], summary: 'Site profiles of the crawler', response: { 200: z.object({ profiles: z.array(crawlProfileSchema) }), ...commonErrors } },
    },
    async () => ({ profiles: (await listProfiles(ctx.deps)).map(presentProfile) }),
  );
};
