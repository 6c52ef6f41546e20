import { z } from 'zod';
import { deleteProvider, importProvidersCsv, listProviders, saveProvider } from '../../services/hotline/providerService.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors, problemSchema } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { providerSchema } from './schemas.js';

// The body is checked by the service (one schema for the API, the CSV import and the CLI).
const providerBody = z.record(z.string(), z.unknown()).describe('{name, domains[], ipRanges[] (CIDR), abuseEmail, webhookUrl, country (ISO 3166-1 alpha-2), language es|en}');

export const listProvidersEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/hotline/providers',
    {
      config: { access: { roles: ['admin', 'analyst', 'investigator'] } },
      schema: { tags: ['hotline'], summary: 'The directory of hosting providers and their abuse contacts.', response: { 200: z.object({ providers: z.array(providerSchema) }), ...commonErrors } },
    },
    async () => ({ providers: await listProviders(ctx.deps) }),
  );
};

export const createProviderEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/hotline/providers',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['hotline'], summary: 'Add a provider (or update the one with the same name).', body: providerBody, response: { 201: z.object({ provider: providerSchema }), ...commonErrors, 409: problemSchema } },
    },
    async (request, reply) => reply.code(201).send({ provider: await saveProvider(ctx.deps, actorOf(request), request.body) }),
  );
};

export const updateProviderEndpoint: Endpoint = (app, ctx) => {
  app.put(
    '/api/v1/hotline/providers/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['hotline'], summary: 'Replace a provider’s details.', params: idParams, body: providerBody, response: { 200: z.object({ provider: providerSchema }), ...commonErrors, 404: problemSchema, 409: problemSchema } },
    },
    async (request) => ({ provider: await saveProvider(ctx.deps, actorOf(request), request.body, request.params.id) }),
  );
};

export const deleteProviderEndpoint: Endpoint = (app, ctx) => {
  app.delete(
    '/api/v1/hotline/providers/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['hotline'], summary: 'Remove a provider from the directory.', params: idParams, response: { 204: z.null(), ...commonErrors, 404: problemSchema } },
    },
    async (request, reply) => {
      await deleteProvider(ctx.deps, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};

export const importProvidersEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/hotline/providers/import',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['hotline'],
        summary: 'Import providers from CSV (header name,domains,ip_ranges,abuse_email,webhook_url,country,language; lists separated by spaces or ;). All or nothing.',
        body: z.strictObject({ csv: z.string().min(1).max(5_000_000) }),
        response: { 200: z.object({ read: z.number().int(), created: z.number().int(), updated: z.number().int() }), ...commonErrors, 413: problemSchema, 422: problemSchema },
      },
    },
    async (request) => importProvidersCsv(ctx.deps, actorOf(request), request.body.csv),
  );
};
