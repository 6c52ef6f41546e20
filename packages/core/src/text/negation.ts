// Negation and exclusion around a match, on folded text: "no menores", "nada de menores", "sin agencia",
// "menores abstenerse", "🚫 menores". Scope ends at clause punctuation, so "no llames si no eres serio, colegiala"
// still fires.

/** Tokens that negate what follows within the window (es, en, pt together: ads mix languages). */
const NEGATION_CUES = new Set([
  'no', 'ni', 'nada', 'nunca', 'jamas', 'cero', 'ningun', 'ninguna', 'prohibido', 'prohibida', 'prohibidos',
  'prohibidas', 'not', 'never', 'zero', 'nor', 'non', 'dont', "don't", 'nao', 'nem', 'jamais',
  'nenhum', 'nenhuma', 'proibido', 'proibida', 'proibidos', 'proibidas', 'prohibe', 'prohibimos', 'proibe',
  'proibimos',
]);
/** "without" words negate only the word right after them: in "sin condón y sin preservativo" the first "sin"
 * belongs to a cue of its own and must not cancel the second. */
const ADJACENT_CUES = new Set(['sin', 'sem', 'without']);
const NEGATION_EMOJI = ['🚫', '⛔', '❌', '✖'];

// "prohibida la entrada de menores", "proibida a entrada de menores", "no entry of minors": the words for entry
// between a negation and the match do not count against the window.
// …and "entry of underage guests prohibited": after such words, a prohibition later in the clause negates too.
const ENTRY_PROHIBITED = /prohibi[dt]|proibid|forbidden|not allowed|not permitted|no permitid|nao permitid|vedad/;
const ENTRY_OF = /(?:^|[^a-z0-9])(?:(?:la|a|el|o|the)\s+)?(?:entrada|ingreso|acceso|acesso|entry|admission|admittance)\s+(?:de|of|for|to|a|para)\s*$/;

/** How many tokens before a match a negation cue may stand. */
export const NEGATION_WINDOW_TOKENS = 3;

const CLAUSE_END = /[.,;:!?\n()[\]|•]/;
const TOKEN = /[a-z0-9']+|🚫|⛔|❌|✖/g;

// Exclusion after the match: "menores abstenerse", "minors not allowed", "menores no.", "menores 🚫".
const AFTER_EXCLUSION = new RegExp(
  '^[\\s\\-:]*(?:de edad\\s+|de idade\\s+)?(?:' +
    'abstenerse|abstenganse|abstente|prohibid[oa]s?|proibid[oa]s?|no permitid[oa]s?|nao permitid[oa]s?|' +
    'not allowed|not permitted|need not apply|please don\'?t|nao aceitamos|no aceptamos|' +
    '(?:no|nao|not)\\s*(?=[.,;:!?\\n)]|$)|(?:no\\s*|nao\\s*)?(?:🚫|⛔|❌))',
);

/** True when the match at [start, end) of folded `text` is negated or excluded. */
export function isNegated(text: string, start: number, end: number): boolean {
  // Look back to the start of the clause, at most ~60 characters.
  let from = start;
  const limit = Math.max(0, start - 60);
  while (from > limit && !CLAUSE_END.test(text[from - 1] ?? '')) from--;
  let before = text.slice(from, start);
  const entry = ENTRY_OF.exec(before);
  if (entry !== null) before = before.slice(0, entry.index);
  const entryOf = entry !== null;
  const tokens = before.match(TOKEN);
  if (tokens !== null) {
    for (let k = tokens.length - 1, seen = 0; k >= 0 && seen < NEGATION_WINDOW_TOKENS; k--, seen++) {
      const t = tokens[k] ?? '';
      if (NEGATION_CUES.has(t) || NEGATION_EMOJI.includes(t) || (seen === 0 && ADJACENT_CUES.has(t))) return true;
    }
  }
  let to = end;
  const stop = Math.min(text.length, end + 40);
  while (to < stop && !CLAUSE_END.test(text[to] ?? '')) to++;
  // Include the clause end so "menores no." sees its full stop.
  const after = text.slice(end, Math.min(text.length, to + 1));
  return AFTER_EXCLUSION.test(after) || (entryOf && ENTRY_PROHIBITED.test(after));
}
