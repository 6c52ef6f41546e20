// What the score and its network re-application share: the arithmetic and the words of a context term.
import type { BreakdownEntry, EntitySignals } from './score.js';

export const round = (x: number, digits = 4): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** The logistic function, without overflow for large |z|. */
export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Why a link-graph term is in the score, in the reviewer's words. */
export const NETWORK_SIGNAL_TEXT = {
  'entity.phone-shared-ads': (s: EntitySignals) => `The phone appears in ${s.adsSharingPhone ?? 0} ads`,
  'entity.phone-shared-cities': (s: EntitySignals) => `The phone appears in ads from ${s.citiesSharingPhone ?? 0} cities`,
  'entity.phone-shared-names': (s: EntitySignals) => `The phone is used with ${s.namesSharingPhone ?? 0} different names`,
  'entity.templated-text': (s: EntitySignals) => `The text follows a template shared by at least ${s.templatedClusterSize ?? 0} ads`,
} as const;

/** A term that is not an indicator (an entity or media signal): its value, contribution and explanation. */
export function contextEntry(source: 'entity' | 'media', id: string, weight: number, value: number, text: string): BreakdownEntry {
  return {
    source,
    id,
    weight,
    value: round(value),
    contribution: round(weight * value),
    capped: false,
    explanation: `${text} (weight ${weight} × ${round(value, 2)})`,
  };
}
