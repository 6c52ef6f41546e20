import { readFile, stat } from 'node:fs/promises';
import { CliFailure } from './output.js';

/**
 * A regular file (or stdin for `-` when `stdin` is allowed) read whole, refused with exit code 2 when missing or over
 * `limitBytes` — checked before reading a file, and while reading stdin, so a huge input is never held in memory.
 */
export async function readInputFile(file: string, limitBytes: number, options: { stdin?: boolean } = {}): Promise<Buffer> {
  if (file === '-' && options.stdin) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > limitBytes) throw new CliFailure(`the input is larger than the limit of ${limitBytes} bytes`, 2);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
  const size = await stat(file).then((s) => (s.isFile() ? s.size : -1), () => -1);
  if (size < 0) throw new CliFailure(`cannot read ${file}`, 2);
  if (size > limitBytes) throw new CliFailure(`${file} is larger than the limit of ${limitBytes} bytes`, 2);
  try {
    return await readFile(file);
  } catch {
    throw new CliFailure(`cannot read ${file}`, 2);
  }
}
