import { REVIEW_CLASSIFICATIONS, INTERPOL_CATEGORIES, SUBJECT_STATUSES } from '@centinela/core';
import { z } from 'zod';

export const subjectSummarySchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    url: z.string().nullable(),
    host: z.string().nullable(),
    status: z.enum(SUBJECT_STATUSES),
    priority: z.number(),
    childInvolved: z.boolean(),
    bankMatch: z.boolean(),
    riskScore: z.number().nullable(),
    reportCount: z.number().int(),
    firstReportedAt: z.string(),
    lastReportedAt: z.string(),
    assignedTo: z.string().nullable(),
    classification: z.string().nullable(),
    removedAt: z.string().nullable(),
    noticeRound: z.number().int(),
  })
  .meta({ id: 'HotlineSubject' });

export const countsSchema = z.object(Object.fromEntries(SUBJECT_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof SUBJECT_STATUSES)[number], z.ZodNumber>).meta({ id: 'HotlineCounts' });

export const subjectDetailSchema = z
  .object({
    subject: subjectSummarySchema.extend({
      interpolCategory: z.string().nullable(),
      assessedAt: z.string().nullable(),
      firstNoticeAt: z.string().nullable(),
      providerId: z.string().nullable(),
      nextCheckAt: z.string().nullable(),
      lastCheckState: z.string().nullable(),
    }),
    signals: z.array(z.object({ kind: z.string(), explanation: z.string(), score: z.number().optional() })),
    reports: z.array(
      z.object({
        id: z.string(),
        reference: z.string(),
        channel: z.string(),
        platform: z.string().nullable(),
        description: z.string().nullable(),
        childInvolved: z.boolean(),
        anonymous: z.boolean(),
        contact: z.string().nullable(),
        language: z.string(),
        itemId: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    media: z.array(
      z.object({
        id: z.string(),
        mime: z.string(),
        size: z.number(),
        md5: z.string(),
        sha1: z.string(),
        sha256: z.string(),
        pdq: z.string().nullable(),
        quality: z.number().nullable(),
        matches: z.array(z.unknown()),
      }),
    ),
    decisions: z.array(
      z.object({
        id: z.string(),
        reviewerId: z.string(),
        classification: z.string(),
        interpolCategory: z.string().nullable(),
        traffickingIndicators: z.array(z.string()),
        legalBasis: z.string(),
        note: z.string().nullable(),
        noteShared: z.boolean(),
        bankId: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    events: z.array(z.object({ id: z.string(), type: z.string(), actor: z.string(), at: z.string(), data: z.record(z.string(), z.unknown()) })),
    notices: z.array(
      z.object({ id: z.string(), round: z.number(), providerId: z.string(), channel: z.string(), language: z.string(), status: z.enum(['pending', 'sending', 'sent', 'failed', 'gave_up']).describe('failed: will be retried; gave_up: no attempts left'), createdAt: z.string(), sentAt: z.string().nullable() }),
    ),
    checks: z.array(z.object({ state: z.string(), httpStatus: z.number().nullable(), reason: z.string().nullable(), checkedAt: z.string() })),
    authorityReports: z.array(z.object({ id: z.string(), authority: z.string(), incidentType: z.string(), createdAt: z.string(), delivery: z.string().nullable() })),
  })
  .meta({ id: 'HotlineSubjectDetail' });

export const decisionBodySchema = z.strictObject({
  classification: z.enum(REVIEW_CLASSIFICATIONS),
  interpolCategory: z.enum(INTERPOL_CATEGORIES).nullable().optional(),
  traffickingIndicators: z.array(z.string().max(64)).max(20).optional(),
  legalBasis: z.string().min(1).max(500),
  note: z.string().max(5000).nullable().optional(),
  shareNote: z.boolean().optional(),
  addToBankId: z.uuid().nullable().optional(),
});

export const providerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    domains: z.array(z.string()),
    ipRanges: z.array(z.string()),
    abuseEmail: z.string().nullable(),
    webhookUrl: z.string().nullable(),
    country: z.string().nullable(),
    language: z.enum(['es', 'en']),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'HotlineProvider' });

const duration = z.object({ count: z.number().int(), medianMs: z.number().nullable(), p90Ms: z.number().nullable() });
const timingRow = z.object({ key: z.string(), subjects: z.number().int(), toAssessment: duration, toNotice: duration, toRemoval: duration, noticeToRemoval: duration });
export const metricsSchema = z
  .object({ from: z.string().nullable(), to: z.string().nullable(), overall: timingRow, byProvider: z.array(timingRow), byCountry: z.array(timingRow), byMonth: z.array(timingRow), counts: countsSchema })
  .meta({ id: 'HotlineMetrics' });

export const rangeQuery = {
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
};
