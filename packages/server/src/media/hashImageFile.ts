import { createHash } from 'node:crypto';
import { pdqHash, pdqHashDihedral, type DihedralName } from '@centinela/core';
import { decodeImage, type DecodeOptions } from './decode.js';

export interface ImageFileHashes {
  /** PDQ, 64 lowercase hex characters. */
  readonly pdq: string;
  /** PDQ quality 0..100; under 50 the hash should not be matched. */
  readonly quality: number;
  /** Exact hashes of the file bytes, lowercase hex. */
  readonly md5: string;
  readonly sha256: string;
}

/** Decodes the file (see `decodeImage` for the choices) and hashes it; throws `MediaError`. */
export async function hashImageFile(bytes: Uint8Array, options: DecodeOptions = {}): Promise<ImageFileHashes> {
  const { pdq, quality, md5, sha256 } = await analyzeImageFile(bytes, options);
  return { pdq, quality, md5, sha256 };
}

export interface ImageAnalysis extends ImageFileHashes {
  readonly width: number;
  readonly height: number;
  /** The 8 dihedral PDQ hashes, derived exactly from the DCT, when asked for. */
  readonly dihedral?: Readonly<Record<DihedralName, string>>;
}

/** One decode for everything an upload needs: hashes, size and, optionally, the dihedral variants. */
export async function analyzeImageFile(bytes: Uint8Array, options: DecodeOptions & { dihedral?: boolean } = {}): Promise<ImageAnalysis> {
  const image = await decodeImage(bytes, options);
  // The dihedral set includes the plain hash: one downscale and one DCT serve both.
  const dihedral = options.dihedral ? pdqHashDihedral(image) : undefined;
  const { hash, quality } = dihedral ? { hash: dihedral.hashes.original, quality: dihedral.quality } : pdqHash(image);
  return {
    pdq: hash,
    quality,
    md5: createHash('md5').update(bytes).digest('hex'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    width: image.width,
    height: image.height,
    ...(dihedral ? { dihedral: dihedral.hashes } : {}),
  };
}
