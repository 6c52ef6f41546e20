import multipart from '@fastify/multipart';
import { isMediaError, type MediaErrorCode } from '@centinela/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { analyzeImageFile, type ImageAnalysis } from '../../media/hashImageFile.js';
import { Problem } from '../../services/problem.js';
import type { ApiApp, AppContext } from '../context.js';

/** Files per request: a batch, not an archive. */
export const MAX_FILES_PER_REQUEST = 100;

/**
 * Registers multipart parsing in a scope of its own (only the upload routes accept it) and hands
 * the scope, typed for zod, to `routes`.
 */
export function withMultipart(app: ApiApp, ctx: AppContext, routes: (scope: ApiApp) => void): void {
  void app.register(async (scope: FastifyInstance) => {
    await scope.register(multipart, {
      limits: { fileSize: ctx.config.uploadLimitBytes, files: MAX_FILES_PER_REQUEST, fields: 20, fieldSize: 64 * 1024, parts: MAX_FILES_PER_REQUEST + 20 },
    });
    routes(scope.withTypeProvider<ZodTypeProvider>());
  });
}

export interface Upload {
  filename: string;
  bytes: Buffer;
}

export interface UploadForm {
  files: Upload[];
  fields: Map<string, string[]>;
}

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes} bytes`);

/**
 * Reads every part into memory, bounded: each file and all files together stay under the upload
 * limit. Nothing is written to disk, so nothing has to be cleaned up or can be left behind.
 */
export async function readUploads(request: FastifyRequest, limitBytes: number): Promise<UploadForm> {
  const files: Upload[] = [];
  const fields = new Map<string, string[]>();
  let total = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields.set(part.fieldname, [...(fields.get(part.fieldname) ?? []), String(part.value)]);
        continue;
      }
      const bytes = await part.toBuffer();
      total += bytes.length;
      if (total > limitBytes) throw new Problem(413, 'request.too_large', `the files together exceed the upload limit of ${sizeText(limitBytes)}`);
      files.push({ filename: part.filename || `file-${files.length + 1}`, bytes });
    }
  } catch (err) {
    throw uploadProblem(err, limitBytes);
  }
  return { files, fields };
}

function uploadProblem(err: unknown, limitBytes: number): unknown {
  if (err instanceof Problem) return err;
  const code = (err as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new Problem(413, 'request.too_large', `a file exceeds the upload limit of ${sizeText(limitBytes)}`);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new Problem(413, 'request.too_many_parts', `at most ${MAX_FILES_PER_REQUEST} files per request`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new Problem(400, 'request.malformed_multipart', `the multipart body could not be read: ${message}`);
}

const MEDIA_STATUS: Record<MediaErrorCode, number> = {
  'media.empty_file': 400,
  'media.invalid_hash': 400,
  'media.unsupported_format': 415,
  'media.invalid_image': 422,
  'media.decode_failed': 422,
  'media.too_many_pixels': 422,
};

/**
 * Hashes every uploaded file. One bad file refuses the request: the problem carries the first
 * file's code and lists every bad file, so a batch is never half-answered.
 */
export async function analyzeUploads(files: readonly Upload[], opts: { dihedral?: boolean } = {}): Promise<ImageAnalysis[]> {
  if (files.length === 0) throw new Problem(400, 'media.no_file', 'send at least one file as multipart/form-data');
  const results: ImageAnalysis[] = [];
  const errors: { path: string; message: string; code: MediaErrorCode }[] = [];
  for (const [i, file] of files.entries()) {
    try {
      results.push(await analyzeImageFile(file.bytes, { dihedral: opts.dihedral === true }));
    } catch (err) {
      if (!isMediaError(err)) throw err;
      errors.push({ path: `files[${i}] ${file.filename}`, message: `${err.code}: ${err.message}`, code: err.code });
    }
  }
  const first = errors[0];
  if (first) {
    const detail = errors.length === 1 ? `${first.path}: ${first.message}` : `${errors.length} files could not be hashed; the first: ${first.path}: ${first.message}`;
    throw new Problem(MEDIA_STATUS[first.code], first.code, detail, { errors: errors.map(({ path, message }) => ({ path, message })) });
  }
  return results;
}
