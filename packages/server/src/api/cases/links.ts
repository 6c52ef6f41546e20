import { z } from 'zod';
import { addCaseLink, casesLinkedTo, LINK_TARGET_TYPES, listCaseLinks, removeCaseLink } from '../../services/cases/caseLinks.js';
import { actorOf, type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';
import { idParams } from '../schemas.js';
import { caseErrors, CASE_ROLES, viewerOf } from './schemas.js';

const linkSchema = z.object({ caseId: z.string(), type: z.string(), id: z.string(), createdAt: z.string() }).meta({ id: 'CaseLink' });
const target = z.strictObject({ type: z.enum(LINK_TARGET_TYPES), id: z.string().min(1).max(100) });

export const listCaseLinksEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/cases/:id/links',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'Items, networks and reports the case refers to', params: idParams, response: { 200: z.object({ links: z.array(linkSchema) }), ...commonErrors, ...caseErrors } },
    },
    async (request) => ({ links: await listCaseLinks(ctx.deps, viewerOf(request), request.params.id) }),
  );
};

export const addCaseLinkEndpoint: Endpoint = (app, ctx) => {
  app.post(
    '/api/v1/cases/:id/links',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'Link the case to an item (checked), a network or a report', params: idParams, body: target, response: { 201: z.object({ link: linkSchema }), ...commonErrors, ...caseErrors } },
    },
    async (request, reply) => reply.code(201).send({ link: await addCaseLink(ctx.deps, actorOf(request), viewerOf(request), request.params.id, request.body.type, request.body.id) }),
  );
};

export const removeCaseLinkEndpoint: Endpoint = (app, ctx) => {
  app.delete(
    '/api/v1/cases/:id/links',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: { tags: ['cases'], summary: 'Remove a link', params: idParams, body: target, response: { 204: z.null(), ...commonErrors, ...caseErrors } },
    },
    async (request, reply) => {
      await removeCaseLink(ctx.deps, actorOf(request), viewerOf(request), request.params.id, request.body.type, request.body.id);
      return reply.code(204).send(null);
    },
  );
};

export const casesLinkedToEndpoint: Endpoint = (app, ctx) => {
  app.get(
    '/api/v1/case-links',
    {
      config: { access: { roles: [...CASE_ROLES] } },
      schema: {
        tags: ['cases'],
        summary: 'The cases linked to an item, network or report — only those the caller may read',
        querystring: target,
        response: { 200: z.object({ caseIds: z.array(z.string()) }), ...commonErrors },
      },
    },
    async (request) => ({ caseIds: await casesLinkedTo(ctx.deps, viewerOf(request), request.query.type, request.query.id) }),
  );
};
