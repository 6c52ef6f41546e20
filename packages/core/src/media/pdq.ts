import { ZERO_HASH256_HEX } from './hash256.js';
import { analysePdq } from './pdqBackend.js';
import { DIHEDRAL_NAMES, dihedralDct, thresholdToHex, type DihedralName } from './pdqDct.js';
import { PDQ_GRID } from './pdqDownscale.js';
import { assertPixelImage, type PixelImage } from './pixels.js';

/**
 * PDQ perceptual hash (Meta's published algorithm), bit-exact with the C++ reference for the same
 * pixels. Pure: pixels in, hash out. Decoding files is the server's job. The grid, DCT and quality
 * come from the WebAssembly SIMD kernel when the runtime has it, else from the JS path; both are
 * bit-identical (pdqBackend.ts).
 */

export { DIHEDRAL_NAMES, type DihedralName } from './pdqDct.js';

/** Images narrower or shorter than this hash to all zeros with quality 0, as in the reference. */
export const PDQ_MIN_DIMENSION = 5;

export interface PdqResult {
  /** 64 lowercase hex characters in the reference's bit order. */
  readonly hash: string;
  /** 0..100; hashes under 50 are too featureless to match. */
  readonly quality: number;
}

export interface PdqDihedralResult {
  readonly hashes: Readonly<Record<DihedralName, string>>;
  readonly quality: number;
}

function isTooSmall(image: PixelImage): boolean {
  return image.width < PDQ_MIN_DIMENSION || image.height < PDQ_MIN_DIMENSION;
}

/** The reference's plain hash (`pdqHash256FromFloatLuma`): an exact 64x64 image is not blurred. */
export function pdqHash(image: PixelImage): PdqResult {
  assertPixelImage(image);
  if (isTooSmall(image)) return { hash: ZERO_HASH256_HEX, quality: 0 };
  const blur = image.width !== PDQ_GRID || image.height !== PDQ_GRID;
  const { dct, quality } = analysePdq(image, blur);
  return { hash: thresholdToHex(dct), quality };
}

/**
 * The 8 dihedral hashes (`pdqDihedralHash256esFromFloatLuma`): derived from one DCT by sign flips
 * and transposition, so they approximate (they are not) hashes of physically rotated pixels.
 * This path always blurs, even for 64x64 images.
 */
export function pdqHashDihedral(image: PixelImage): PdqDihedralResult {
  assertPixelImage(image);
  if (isTooSmall(image)) {
    const zero = Object.fromEntries(DIHEDRAL_NAMES.map((name) => [name, ZERO_HASH256_HEX]));
    return { hashes: zero as Record<DihedralName, string>, quality: 0 };
  }
  const { dct, quality } = analysePdq(image, true);
  const hashes = {} as Record<DihedralName, string>;
  for (const name of DIHEDRAL_NAMES) {
    hashes[name] = thresholdToHex(name === 'original' ? dct : dihedralDct(dct, name));
  }
  return { hashes, quality };
}
