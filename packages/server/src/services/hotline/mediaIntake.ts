import { createHash } from 'node:crypto';
import { isMediaError } from '@centinela/core';
import type { BlobStore } from '../../blobs/blobStore.js';
import { analyzeImageFile } from '../../media/hashImageFile.js';
import type { ServiceDeps } from '../deps.js';
import { matcherFor, type MatchHit, type MatchQuery } from '../matchService.js';
import { Problem } from '../problem.js';

/** What a report may carry: images and short videos, recognised by their bytes, never by the name. */
const SIGNATURES: Array<{ mime: string; test: (b: Buffer) => boolean }> = [
  { mime: 'image/jpeg', test: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { mime: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mime: 'video/mp4', test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
  { mime: 'video/webm', test: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
];

export const MAX_REPORT_FILES = 5;

export function sniffMime(bytes: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(bytes))?.mime ?? null;
}

export interface IntakeFile {
  filename: string;
  bytes: Buffer;
}

export interface HashedFile {
  sha256: string;
  sha1: string;
  md5: string;
  pdq: string | null;
  quality: number | null;
  size: number;
  mime: string;
  matches: MatchHit[];
}

/**
 * Checks and hashes every file (MD5, SHA-1, SHA-256, and PDQ for images) and matches them against the enabled
 * banks. Any bad file refuses the whole report before anything is stored.
 */
export async function hashReportFiles(deps: ServiceDeps, files: readonly IntakeFile[], maxBytes: number): Promise<HashedFile[]> {
  if (files.length > MAX_REPORT_FILES) throw new Problem(413, 'report.too_many_files', `at most ${MAX_REPORT_FILES} files per report`);
  const hashed: HashedFile[] = [];
  for (const [i, f] of files.entries()) {
    if (f.bytes.length === 0) throw new Problem(400, 'media.empty_file', `file ${i + 1} is empty`);
    if (f.bytes.length > maxBytes) throw new Problem(413, 'request.too_large', `file ${i + 1} exceeds ${Math.round(maxBytes / 1024 / 1024)} MB`);
    const mime = sniffMime(f.bytes);
    if (!mime) throw new Problem(415, 'report.file_type', `file ${i + 1} is not an image (JPEG, PNG, GIF, WebP) or video (MP4, WebM)`);
    let pdq: string | null = null;
    let quality: number | null = null;
    if (mime.startsWith('image/')) {
      try {
        const a = await analyzeImageFile(f.bytes);
        pdq = a.pdq;
        quality = a.quality;
      } catch (err) {
        if (!isMediaError(err)) throw err;
        throw new Problem(422, 'report.file_invalid', `file ${i + 1} could not be read as ${mime}`);
      }
    }
    const digest = (alg: string) => createHash(alg).update(f.bytes).digest('hex');
    hashed.push({ sha256: digest('sha256'), sha1: digest('sha1'), md5: digest('md5'), pdq, quality, size: f.bytes.length, mime, matches: [] });
  }
  if (hashed.length === 0) return hashed;
  const queries: MatchQuery[] = hashed.flatMap((h): MatchQuery[] => [
    ...(h.pdq ? [{ signalType: 'pdq' as const, hash: h.pdq, quality: h.quality }] : []),
    { signalType: 'md5', hash: h.md5 },
    { signalType: 'sha256', hash: h.sha256 },
  ]);
  const results = await matcherFor(deps).match(queries);
  let k = 0;
  for (const h of hashed) {
    const n = h.pdq ? 3 : 2;
    h.matches = results.slice(k, k + n).flatMap((r) => r.matches);
    k += n;
  }
  return hashed;
}

/** Seals every file in the blob store (content-addressed, so a retry stores nothing twice). */
export async function storeReportFiles(blobs: BlobStore, files: readonly IntakeFile[]): Promise<void> {
  for (const f of files) await blobs.put(f.bytes);
}
