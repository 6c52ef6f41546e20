// The indicator catalog: what each indicator means, its prior weight, evidence level and source, defined once so
// that every language agrees. Per-language files (es.ts, en.ts, pt.ts, shared.ts) only supply the patterns.
//
// Weights are prior log-odds contributions (see packages/core/src/risk/README.md for how they were set and how
// to refit them). Scale: 3 ≈ explicit minor, 1.5 ≈ strong practitioner cue, 0.5 ≈ context cue, ≤ 0.2 ≈ shown
// not predictive or ubiquitous in all adult ads.
import type { EvidenceLevel, IndicatorCategory } from '../lexicon.js';
import {
  cite,
  DUBRAWSKI_2015,
  IBANEZ_SUTHERS_2014,
  ILO_2009,
  LATONERO_2011,
  MOVEMENT_NOT_PREDICTIVE,
  OSCE_2020,
  POLARIS_2017,
  TEAM,
  UNODC_GLOTIP_2020,
  UNODC_INDICATORS,
} from './sources.js';

export const INDICATOR_CATALOG_VERSION = '1.0.0';

export interface CatalogEntry {
  category: IndicatorCategory;
  label: string;
  weight: number;
  evidence: EvidenceLevel;
  source: string;
  negatable?: boolean;
}

const youth = (label: string, weight: number, evidence: EvidenceLevel = 'practitioner'): CatalogEntry => ({
  category: 'youth',
  label,
  weight,
  evidence,
  source: cite(POLARIS_2017, IBANEZ_SUTHERS_2014),
  negatable: true,
});

export const INDICATOR_CATALOG = {
  // Youth and age: the strongest text cue for child sexual exploitation; negation matters ("no menores").
  'youth.minor-explicit': youth('Explicitly offers a minor ("menor de edad", "underage")', 3),
  'youth.stated-age-under-18': youth('States an age under 18', 3),
  'youth.just-18': youth('Stresses having just turned 18 ("just turned 18", "recién cumplidos 18")', 1.8),
  'youth.schoolgirl': youth('School or schoolgirl terms ("colegiala", "schoolgirl", "colegial")', 1.6),
  'youth.child-terms': youth('Child terms used for the person offered ("lolita", "niña", "ninfeta")', 1.5),
  'youth.young-terms': youth('Stresses youth ("jovencita", "novinha", "barely legal", "teen")', 1),
  'youth.age-diminutive': youth('Age written as a diminutive ("18 añitos", "18 aninhos")', 1.2),
  'youth.virgin': youth('Offers virginity ("virgen", "virgin", "virgem")', 0.8),
  'youth.emoji': {
    category: 'youth',
    label: 'Emoji practitioners associate with youth or virginity (🍒 🍭 🎀 🧸 🍼)',
    weight: 0.3,
    evidence: 'weak',
    source: TEAM,
    negatable: true,
  },

  // Third-person and first-person-plural advertising: someone other than the person offered writes the ad.
  'third-party.new-girls': {
    category: 'third-party',
    label: 'Advertises "new girls" as a group ("nuevas chicas", "new girls", "meninas novas")',
    weight: 1,
    evidence: 'practitioner',
    source: cite(IBANEZ_SUTHERS_2014, POLARIS_2017),
  },
  'third-party.we-have': {
    category: 'third-party',
    label: 'First-person plural offer ("tenemos", "we have", "temos")',
    weight: 0.9,
    evidence: 'practitioner',
    source: cite(IBANEZ_SUTHERS_2014),
  },
  'third-party.plural-verbs': {
    category: 'third-party',
    label: 'Verbs in the first-person plural ("atendemos", "recibimos", "recebemos", "we are")',
    weight: 0.5,
    evidence: 'practitioner',
    source: cite(IBANEZ_SUTHERS_2014),
  },
  'third-party.our-girls': {
    category: 'third-party',
    label: 'Refers to the women as "our girls" or "the girls"',
    weight: 1,
    evidence: 'practitioner',
    source: cite(IBANEZ_SUTHERS_2014, POLARIS_2017),
  },
  'third-party.choice-of-women': {
    category: 'third-party',
    label: 'Offers a choice among several women ("varias chicas", "pick your girl", "catálogo")',
    weight: 0.9,
    evidence: 'practitioner',
    source: cite(POLARIS_2017),
  },
  'third-party.she-is': {
    category: 'third-party',
    label: 'Describes the person offered in the third person ("ella es", "she is", "ela é")',
    weight: 0.6,
    evidence: 'practitioner',
    source: cite(IBANEZ_SUTHERS_2014),
  },

  // Restricted or unprotected services: often imposed on the person rather than chosen.
  'services.unprotected': {
    category: 'unprotected-services',
    label: 'Offers unprotected sex ("sin condón", "bareback", "sem camisinha")',
    weight: 1.2,
    evidence: 'practitioner',
    source: TEAM,
    negatable: true,
  },
  'services.no-limits': {
    category: 'unprotected-services',
    label: 'Offers "no limits" or "anything you want"',
    weight: 0.8,
    evidence: 'practitioner',
    source: TEAM,
    negatable: true,
  },
  'services.full-service': {
    category: 'unprotected-services',
    label: 'Offers "full service"',
    weight: 0.3,
    evidence: 'weak',
    source: TEAM,
    negatable: true,
  },

  'location.incall-outcall': {
    category: 'incall-outcall',
    label: 'Incall/outcall, hotels or home visits (common to most adult ads)',
    weight: 0.2,
    evidence: 'weak',
    source: cite(TEAM, LATONERO_2011),
  },

  'availability.24-7': {
    category: 'availability',
    label: 'Available around the clock (24/7, "24 horas")',
    weight: 0.5,
    evidence: 'practitioner',
    source: TEAM,
  },
  'availability.now': {
    category: 'availability',
    label: 'Available immediately ("disponible ya", "available now")',
    weight: 0.15,
    evidence: 'weak',
    source: TEAM,
  },

  'nationality.offered': {
    category: 'nationality',
    label: 'Women offered by nationality or ethnicity ("venezolanas", "asian girls", "paraguaias")',
    weight: 0.5,
    evidence: 'practitioner',
    source: TEAM,
  },

  'contact.app-slang': {
    category: 'obfuscated-contact',
    label: 'Messaging app written as slang to evade filters ("wsp", "wasap", "zap")',
    weight: 0.3,
    evidence: 'weak',
    source: TEAM,
  },
  'contact.private-message': {
    category: 'obfuscated-contact',
    label: 'Contact moved to private messages ("escríbeme al interno", "DM me", "chama no privado")',
    weight: 0.3,
    evidence: 'weak',
    source: TEAM,
  },
  'contact.messages-only': {
    category: 'obfuscated-contact',
    label: 'Text messages only, no calls (a third party may be answering)',
    weight: 0.6,
    evidence: 'practitioner',
    source: TEAM,
  },
  'contact.number-in-image': {
    category: 'obfuscated-contact',
    label: 'Contact details only in the pictures (avoids text search)',
    weight: 0.5,
    evidence: 'practitioner',
    source: cite(TEAM, OSCE_2020),
  },

  // Movement: kept for the reviewer's context, weighted near zero (see MOVEMENT_NOT_PREDICTIVE).
  'movement.new-in-town': {
    category: 'movement',
    label: 'New in town ("recién llegada", "new in town", "recém-chegada")',
    weight: 0.1,
    evidence: 'weak',
    source: MOVEMENT_NOT_PREDICTIVE,
  },
  'movement.few-days': {
    category: 'movement',
    label: 'Only a few days ("por pocos días", "only this week", "por poucos dias")',
    weight: 0.1,
    evidence: 'weak',
    source: MOVEMENT_NOT_PREDICTIVE,
  },
  'movement.touring': {
    category: 'movement',
    label: 'On tour between cities ("de gira", "on tour", "em turnê")',
    weight: 0.1,
    evidence: 'weak',
    source: cite(MOVEMENT_NOT_PREDICTIVE, DUBRAWSKI_2015),
  },

  // Control and third-party management.
  'control.manager': {
    category: 'control',
    label: 'A manager, boss or other person arranges the encounters ("mi manager", "booking through my driver")',
    weight: 1.5,
    evidence: 'practitioner',
    source: cite(POLARIS_2017, UNODC_INDICATORS),
    negatable: true,
  },
  'control.agency': {
    category: 'control',
    label: 'An agency or house offers the women',
    weight: 0.7,
    evidence: 'practitioner',
    source: cite(POLARIS_2017),
    negatable: true,
  },
  'control.driver': {
    category: 'control',
    label: 'The person is driven or delivered by someone else ("te la llevamos", "my driver")',
    weight: 1.5,
    evidence: 'practitioner',
    source: cite(POLARIS_2017, UNODC_INDICATORS),
    negatable: true,
  },
  'control.language-barrier': {
    category: 'control',
    label: 'Does not speak the local language ("no habla español", "no english")',
    weight: 1.2,
    evidence: 'practitioner',
    source: cite(UNODC_INDICATORS),
  },
  'control.payment-to-third': {
    category: 'control',
    label: 'Payment goes to someone else ("pago al encargado", "pay the manager")',
    weight: 0.9,
    evidence: 'practitioner',
    source: cite(UNODC_INDICATORS, TEAM),
  },
  'control.lives-onsite': {
    category: 'control',
    label: 'Lives where she works or cannot leave',
    weight: 1.3,
    evidence: 'practitioner',
    source: cite(UNODC_INDICATORS, ILO_2009),
    negatable: true,
  },

  // Recruitment lures in job ads (deceptive recruitment is the most common entry route).
  'recruit.quick-money': {
    category: 'recruitment',
    label: 'Promises quick or easy money, or unusually high pay',
    weight: 0.7,
    evidence: 'practitioner',
    source: cite(ILO_2009, UNODC_GLOTIP_2020),
  },
  'recruit.no-experience': {
    category: 'recruitment',
    label: 'No experience needed',
    weight: 0.4,
    evidence: 'practitioner',
    source: cite(ILO_2009),
  },
  'recruit.immediate': {
    category: 'recruitment',
    label: 'Immediate start or urgent hiring',
    weight: 0.4,
    evidence: 'practitioner',
    source: cite(ILO_2009),
  },
  'recruit.women-only': {
    category: 'recruitment',
    label: 'Job offered to young women only ("solo mujeres", "señoritas", "females only")',
    weight: 0.7,
    evidence: 'practitioner',
    source: cite(UNODC_GLOTIP_2020, TEAM),
  },
  'recruit.age-range': {
    category: 'recruitment',
    label: 'Job requires a narrow young age range ("de 18 a 25 años")',
    weight: 0.8,
    evidence: 'practitioner',
    source: TEAM,
  },
  'recruit.travel-paid': {
    category: 'recruitment',
    label: 'Travel or tickets paid by the employer (a common route into debt bondage)',
    weight: 1,
    evidence: 'practitioner',
    source: cite(ILO_2009, UNODC_INDICATORS),
  },
  'recruit.abroad': {
    category: 'recruitment',
    label: 'Work abroad offered',
    weight: 0.7,
    evidence: 'practitioner',
    source: cite(UNODC_GLOTIP_2020, ILO_2009),
  },
  'recruit.whatsapp-only': {
    category: 'recruitment',
    label: 'Job details only through WhatsApp or private messages',
    weight: 0.5,
    evidence: 'practitioner',
    source: cite(UNODC_GLOTIP_2020, TEAM),
  },
  'recruit.housing': {
    category: 'recruitment',
    label: 'Housing provided by the employer',
    weight: 0.5,
    evidence: 'practitioner',
    source: cite(ILO_2009),
  },
  'recruit.vague-role': {
    category: 'recruitment',
    label: 'Vague hostess, model, companion or massage jobs',
    weight: 0.5,
    evidence: 'practitioner',
    source: cite(UNODC_GLOTIP_2020, TEAM),
  },
  'recruit.documents': {
    category: 'recruitment',
    label: 'Employer arranges papers, visa or a loan for the trip',
    weight: 1,
    evidence: 'practitioner',
    source: cite(ILO_2009, UNODC_INDICATORS),
  },

  // Evasion: not matched by patterns but derived from normalisation (hidden characters, mixed scripts).
  'evasion.hidden-characters': {
    category: 'evasion',
    label: 'Invisible or direction-changing characters hide words from filters',
    weight: 0.8,
    evidence: 'practitioner',
    source: TEAM,
  },
  'evasion.homoglyphs': {
    category: 'evasion',
    label: 'Look-alike letters from other alphabets disguise words',
    weight: 0.6,
    evidence: 'practitioner',
    source: TEAM,
  },
} as const satisfies Record<string, CatalogEntry>;

export type IndicatorId = keyof typeof INDICATOR_CATALOG;
