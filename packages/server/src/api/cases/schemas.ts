import { CONSENT_PURPOSES, REFERRAL_PURPOSES } from '@centinela/core';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { Viewer } from '../../services/cases/caseScope.js';
import { currentUser } from '../context.js';
import { problemSchema } from '../problemSchema.js';

/** Problems of the case routes carry extra members (issues with field and allowed values, missing consent, versions). */
export const caseProblemSchema = problemSchema.omit({ errors: true }).loose().meta({ id: 'CaseProblem' });
export const caseErrors = { 404: caseProblemSchema, 409: caseProblemSchema, 422: caseProblemSchema } as const;

export const viewerOf = (request: FastifyRequest): Viewer => {
  const user = currentUser(request);
  return { id: user.id, roles: user.roles };
};

/** A case record in the HTCDS vocabulary; checked field by field by core parseCaseRecord (errors name field and allowed values). */
export const caseRecordInput = z.record(z.string(), z.unknown()).describe('HTCDS case record: { case, person, victim?, events?, supportPlans?, consent?, comments? }');

export const caseViewSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    ownerId: z.string(),
    teamId: z.string().nullable(),
    record: z.unknown().describe('the HTCDS case record'),
    warnings: z.array(z.unknown()).readonly(),
    retentionUntil: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Case' });

export const caseSummarySchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    status: z.string(),
    registeredOn: z.string(),
    ageBand: z.string(),
    gender: z.string().nullable(),
    exploitation: z.array(z.string()),
    ownerId: z.string(),
    teamId: z.string().nullable(),
    name: z.string().nullable().optional(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaseSummary' });

export const consentPurposeSchema = z.enum(CONSENT_PURPOSES);
export const referralPurposeSchema = z.enum(REFERRAL_PURPOSES);

export const consentViewSchema = z
  .object({ version: z.number().int(), state: z.unknown(), status: z.record(z.string(), z.string()) })
  .meta({ id: 'CaseConsent' });

export const referralSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    toOrganisationId: z.string(),
    kind: z.string(),
    purpose: z.string(),
    status: z.string(),
    basis: z.string(),
    sharedFields: z.array(z.string()),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Referral' });

export const CASE_ROLES = ['caseworker', 'supervisor'] as const;
