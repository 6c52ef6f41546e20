/**
 * Digit words that ads spell phone numbers with, in Spanish, English and Portuguese. Keys are lower-case and
 * accent-free (`três` → `tres`).
 *
 * "Weak" words are also ordinary words (articles `un`/`uma`, English `oh`, Portuguese `meia` = half): they are
 * read as digits only between other digits, never at the edge of a number, so "un 3105551234" stays 10 digits.
 */
export interface NumberWord {
  digit: string;
  weak: boolean;
}

// Maps, not object literals: a lookup of "constructor" must not hit Object.prototype.
function toMap<V>(entries: Record<string, V>): ReadonlyMap<string, V> {
  return new Map(Object.entries(entries));
}

const STRONG: ReadonlyMap<string, string> = toMap({
  // es
  cero: '0', uno: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9',
  // en
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  // pt (zero, tres, cinco and seis are shared with es/en)
  dois: '2', duas: '2', quatro: '4', sete: '7', oito: '8', nove: '9',
});

const WEAK: ReadonlyMap<string, string> = toMap({
  un: '1', una: '1', um: '1', uma: '1', oh: '0', meia: '6',
});

/** Words that repeat the next digit: "doble cinco" = 55, "triple zero" = 000. */
const REPEAT: ReadonlyMap<string, number> = toMap({
  doble: 2, double: 2, dobro: 2, duplo: 2, triple: 3, treble: 3, triplo: 3,
});

/** Lower-cases and strips accents so `TRÊS`, `Tres` and `tres` match. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    // Only non-ASCII words need accent stripping (the common case is plain ASCII).
    if (lower.charCodeAt(i) > 0x7f) return lower.normalize('NFD').replace(/\p{M}/gu, '');
  }
  return lower;
}

/** The digit a word spells, or `undefined`. `word` must already be folded with {@link foldWord}. */
export function numberWord(word: string): NumberWord | undefined {
  const strong = STRONG.get(word);
  if (strong !== undefined) return { digit: strong, weak: false };
  const weak = WEAK.get(word);
  if (weak !== undefined) return { digit: weak, weak: true };
  return undefined;
}

/** How many times "doble"/"double"/"triple"… repeats the next digit, or `undefined`. */
export function repeatWord(word: string): number | undefined {
  return REPEAT.get(word);
}

type WordMeaning = { digit: NumberWord } | { repeat: number } | undefined;

// Folded forms of words that needed folding (upper case or accents), by raw word: ads repeat the same few hundred
// capitalised words, and folding is most of the lookup's cost. Bounded; emptied when full.
const foldedWords = new Map<string, string>();

/** What a raw word means inside a number: a digit, a repeat count, or nothing. Folds only when needed. */
export function lookupWord(raw: string): WordMeaning {
  if (raw.length < 2 || raw.length > 8) return undefined;
  let word = raw;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 97 || c > 122) {
      // upper case or accents: fold (memoised), else use as is (no allocation)
      const hit = foldedWords.get(raw);
      if (hit !== undefined) word = hit;
      else {
        word = foldWord(raw);
        if (foldedWords.size >= 10_000) foldedWords.clear();
        foldedWords.set(raw, word);
      }
      break;
    }
  }
  const digit = numberWord(word);
  if (digit !== undefined) return { digit };
  const repeat = REPEAT.get(word);
  return repeat === undefined ? undefined : { repeat };
}

// First letters of every digit and repeat word: a letter run starting with anything else (in ASCII) means nothing.
const FIRST_LETTERS = new Uint8Array(128);
for (const key of [...STRONG.keys(), ...WEAK.keys(), ...REPEAT.keys()]) FIRST_LETTERS[key.charCodeAt(0)] = 1;

/**
 * False when no word starting with UTF-16 unit `first` can be a digit or repeat word (so {@link lookupWord} would
 * return `undefined` without folding or slicing). Non-ASCII first units may fold to a word's letter: true.
 */
export function mayStartNumberWord(first: number): boolean {
  if (first >= 0x80) return true;
  return (first >= 65 && first <= 90 ? FIRST_LETTERS[first + 32] : FIRST_LETTERS[first]) === 1;
}
