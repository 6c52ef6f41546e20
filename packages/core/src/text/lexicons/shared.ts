// Language-neutral patterns that run on every text whatever its language: emoji, numerals and escort-ad jargon
// used across Spanish, English and Portuguese ads. Bump `version` on every change.
import { buildLexicon } from './build.js';

export const SHARED_LEXICON = buildLexicon('any', '1.0.0', {
  'youth.emoji': {
    // 🍒 cherry, 🍭 lollipop, 🎀 ribbon, 🧸 teddy bear, 🍼 baby bottle, 🎒 school bag, 🏫 school
    emoji: ['🍒', '🍭', '🎀', '🧸', '🍼', '🎒', '🏫'],
  },
  'availability.24-7': {
    regex: ['24 ?(?:/|x|-|\\*) ?7', '24 ?/ ?24'],
  },
  'location.incall-outcall': {
    words: ['incall', 'outcall', 'in call', 'out call', 'in/out'],
  },
  'services.unprotected': {
    words: ['bareback', 'bbfs', 'bbbj', 'b.b.f.s', 'bb fs'],
  },
  'services.full-service': {
    words: ['full service', 'gfe', 'pse'],
  },
  'third-party.new-girls': {
    words: ['new girls', 'new girl', 'new models'],
  },
});
