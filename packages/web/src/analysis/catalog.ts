// The indicator ids of core's catalog (packages/core/src/text/lexicons/catalog.ts, version 1.0.0), grouped by
// category, for the indicator filter. Labels are in es.ts/en.ts (`indicator.<id>`). A unit test checks that
// this list, the categories and the labels follow the catalog.

export const INDICATOR_CATALOG_VERSION = '1.0.0';

export const INDICATORS_BY_CATEGORY: ReadonlyArray<readonly [category: string, ids: readonly string[]]> = [
  ['youth', ['youth.minor-explicit', 'youth.stated-age-under-18', 'youth.just-18', 'youth.schoolgirl', 'youth.child-terms', 'youth.young-terms', 'youth.age-diminutive', 'youth.virgin', 'youth.emoji']],
  ['third-party', ['third-party.new-girls', 'third-party.we-have', 'third-party.plural-verbs', 'third-party.our-girls', 'third-party.choice-of-women', 'third-party.she-is']],
  ['unprotected-services', ['services.unprotected', 'services.no-limits', 'services.full-service']],
  ['incall-outcall', ['location.incall-outcall']],
  ['availability', ['availability.24-7', 'availability.now']],
  ['nationality', ['nationality.offered']],
  ['obfuscated-contact', ['contact.app-slang', 'contact.private-message', 'contact.messages-only', 'contact.number-in-image']],
  ['movement', ['movement.new-in-town', 'movement.few-days', 'movement.touring']],
  ['control', ['control.manager', 'control.agency', 'control.driver', 'control.language-barrier', 'control.payment-to-third', 'control.lives-onsite']],
  ['recruitment', [
    'recruit.quick-money',
    'recruit.no-experience',
    'recruit.immediate',
    'recruit.women-only',
    'recruit.age-range',
    'recruit.travel-paid',
    'recruit.abroad',
    'recruit.whatsapp-only',
    'recruit.housing',
    'recruit.vague-role',
    'recruit.documents',
  ]],
  ['evasion', ['evasion.hidden-characters', 'evasion.homoglyphs']],
];

export const KNOWN_INDICATOR_IDS: ReadonlySet<string> = new Set(INDICATORS_BY_CATEGORY.flatMap(([, ids]) => ids));
