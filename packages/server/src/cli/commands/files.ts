import { stat, readFile } from 'node:fs/promises';
import { isMediaError } from '@centinela/core';

/** A file the CLI could not use, as the `error` of its JSON line. */
export class FileProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a local file for hashing, refusing what is not a regular file or is over the limit. */
export async function readLocalFile(file: string, limitBytes: number): Promise<Buffer> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new FileProblem('file.not_found', 'no such file');
  }
  if (!info.isFile()) throw new FileProblem('file.not_a_file', 'not a regular file');
  if (info.size > limitBytes) throw new FileProblem('file.too_large', `larger than the upload limit of ${limitBytes} bytes`);
  try {
    return await readFile(file);
  } catch (err) {
    throw new FileProblem('file.unreadable', err instanceof Error ? err.message : String(err));
  }
}

/** `{code, message}` for a file's error line; unexpected errors are rethrown. */
export function fileError(err: unknown): { code: string; message: string } {
  if (err instanceof FileProblem || isMediaError(err)) return { code: err.code, message: err.message };
  throw err;
}
