// Names an ad uses for the person offered ("soy Lina", "my name is Lily", "me chamo Ana"): one of the signals that
// one phone serves many people. Pattern-based and explainable; it never guesses a name without its cue phrase.

const CUES = [
  // es
  'soy', 'me llamo', 'mi nombre es', 'pregunta por', 'preguntar por', 'llámame', 'llamame',
  // en
  "i'm", 'i am', 'my name is', 'call me', 'ask for', 'this is',
  // pt
  'sou a', 'sou o', 'me chamo', 'meu nome é', 'meu nome e', 'chama', 'pergunte por',
];

// A cue, then one capitalised word (letters only, 2–20): "soy Lina", "I'm Lily".
const NAME_RE = new RegExp(
  `(?:^|[^\\p{L}])(?:${CUES.map((c) => c.replace(/[.*+?^${}()|[\]\\']/g, (m) => (m === "'" ? "['’]" : `\\${m}`))).join('|')})\\s+(\\p{L}{2,20})(?![\\p{L}])`,
  'giu',
);

// Capitalised words after a cue that are not names ("soy Nueva", "I'm Available").
const NOT_NAMES = new Set([
  'nueva', 'nuevo', 'nuevas', 'nuevos', 'new', 'nova', 'novinha', 'novo', 'una', 'un', 'la', 'el', 'a', 'the', 'an',
  'available', 'disponible', 'disponível', 'real', 'independiente', 'independent', 'independente', 'colombiana',
  'venezolana', 'latina', 'here', 'aqui', 'aquí', 'back', 'sexy', 'hot', 'caliente', 'your', 'tu', 'sua', 'muy',
  'very', 'not', 'no', 'sin', 'free', 'open', 'in', 'en', 'em', 'from', 'de', 'do', 'da',
]);

const MAX_TEXT = 20_000;

/** Distinct names (first letter capitalised, rest lower case) in order of appearance; at most 20. */
export function extractNames(text: string): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const s = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const out: string[] = [];
  NAME_RE.lastIndex = 0;
  for (let m = NAME_RE.exec(s); m !== null && out.length < 20; m = NAME_RE.exec(s)) {
    const raw = m[1] as string;
    // The cue is matched in any case, the name must start with a capital ("soy amable" is no name).
    if (raw.charAt(0) === raw.charAt(0).toLowerCase() || NOT_NAMES.has(raw.toLowerCase())) continue;
    const name = raw.charAt(0).toUpperCase() + raw.slice(1).toLowerCase();
    if (!out.includes(name)) out.push(name);
  }
  return out;
}
