// Description lengths (bits) of the fine stage's minimum-description-length criterion. The template is worth
// keeping when "template + each ad given the template" is shorter than "each ad on its own".

/** Bits to write one word literally: ≈ log2 of a 4,096-word working vocabulary. A constant keeps costs comparable
 * between clusters of different sizes (a per-cluster vocabulary would make two-ad clusters look free). */
export const WORD_BITS = 12;

/** Bits to say where in a template of `templateLength` words an edit happens. */
export function positionBits(templateLength: number): number {
  return Math.log2(templateLength + 2);
}

/** Elias-gamma-like length code: small counts are cheap. */
export function lengthBits(n: number): number {
  return 2 * Math.floor(Math.log2(n + 1)) + 1;
}

/** An ad of `n` words with no template. */
export function nullBits(n: number): number {
  return lengthBits(n) + n * WORD_BITS;
}

/**
 * Should an aligned column be template text? Text: the word is paid once, each member that lacks it pays an edit
 * (position, plus the word when it wrote another). Slot: every member pays a length, and its words literally.
 */
export function columnIsText(match: number, substituted: number, gap: number, templateLength: number): boolean {
  const pos = positionBits(templateLength);
  const asText = WORD_BITS + substituted * (pos + WORD_BITS) + gap * pos;
  const asSlot = (match + substituted + gap) * lengthBits(1) + (match + substituted) * WORD_BITS;
  return asText < asSlot;
}
