import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CliFailure } from '../output.js';

/**
 * `extract` and `score` read at most this much: analysis cuts texts at 20,000 (score) or 100,000 (extract)
 * characters, which never take more than 1 MiB of UTF-8. The rest of a larger input is not read.
 */
export const TEXT_INPUT_MAX_BYTES = 1024 * 1024;

async function readAtMost(stream: Readable, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    parts.push(buf.subarray(0, max - size));
    size += Math.min(buf.length, max - size);
    if (size >= max) break; // leaving the loop closes a file stream; stdin is left to the process
  }
  return Buffer.concat(parts);
}

/** A local file or stdin (`-` or nothing) as text. Invalid UTF-8 becomes U+FFFD: junk never stops the command. */
export async function readTextInput(file: string | undefined): Promise<string> {
  let stream: Readable;
  if (file === undefined || file === '-') stream = process.stdin;
  else {
    const info = await stat(file).catch(() => null);
    if (!info) throw new CliFailure(`${file}: no such file`, 2);
    if (!info.isFile()) throw new CliFailure(`${file}: not a regular file`, 2);
    stream = createReadStream(file);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(await readAtMost(stream, TEXT_INPUT_MAX_BYTES));
}

/** `--region CO`: an ISO 3166-1 alpha-2 code, upper-cased. */
export function parseRegion(value: string): string {
  const region = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(region)) throw new CliFailure(`--region: "${value}" is not a two-letter country code (e.g. CO, MX, BR, US)`, 2);
  return region;
}
