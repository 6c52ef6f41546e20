import { CONSENT_NEEDED_FOR_REFERRAL, CONSENT_PURPOSES, picklist, REFERRAL_PURPOSES } from '@centinela/core';
import { z } from 'zod';
import { SERVICE_KINDS } from '../../services/cases/organisationService.js';
import { type Endpoint } from '../context.js';
import { commonErrors } from '../problemSchema.js';

/** The picklists the case screens use, straight from the HTCDS data file (English labels from the standard). */
export const UI_PICKLISTS = ['cas_Status', 'prs_Gender', 'vic_TraffickingStatus', 'vic_TypeOfExploitation', 'vic_MethodsOfControl', 'hte_Type', 'cas_ReasonForOutgoingReferral'] as const;

export const getVocabularyEndpoint: Endpoint = (app) => {
  app.get(
    '/api/v1/cases/vocabulary',
    {
      config: { access: { anyUser: true } },
      schema: {
        tags: ['cases'],
        summary: 'HTCDS 2.0 picklists for case screens, consent purposes, referral purposes and the consent each needs, service kinds',
        response: {
          200: z.object({
            picklists: z.record(z.string(), z.array(z.object({ value: z.string(), label: z.string() }))),
            consentPurposes: z.array(z.string()),
            referralPurposes: z.array(z.object({ purpose: z.string(), needs: z.array(z.string()) })),
            serviceKinds: z.array(z.string()),
          }),
          ...commonErrors,
        },
      },
    },
    async () => ({
      picklists: Object.fromEntries(UI_PICKLISTS.map((f) => [f, (picklist(f) ?? []).map((e) => ({ value: e.value, label: e.label }))])),
      consentPurposes: [...CONSENT_PURPOSES],
      referralPurposes: REFERRAL_PURPOSES.map((p) => ({ purpose: p, needs: [...CONSENT_NEEDED_FOR_REFERRAL[p]] })),
      serviceKinds: [...SERVICE_KINDS],
    }),
  );
};
