/**
 * Minimal POSIX ustar, enough for evidence packages: regular files with short relative names, no links.
 * Writing and reading both stay in memory (packages are bounded by what export puts in them).
 */
export interface TarEntry {
  name: string;
  data: Buffer;
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

export function writeTar(entries: readonly TarEntry[], mtime: Date): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    if (!/^[A-Za-z0-9._\-/]{1,99}$/.test(e.name) || e.name.includes('..')) throw new Error(`bad tar entry name ${e.name}`);
    const h = Buffer.alloc(512);
    h.write(e.name, 0, 'utf8');
    h.write(octal(0o644, 8), 100);
    h.write(octal(0, 8), 108);
    h.write(octal(0, 8), 116);
    h.write(octal(e.data.length, 12), 124);
    h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136);
    h.write('        ', 148);
    h.write('0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(octal(sum, 7) + ' ', 148);
    parts.push(h, e.data, Buffer.alloc((512 - (e.data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function readTar(bytes: Buffer): TarEntry[] {
  const out: TarEntry[] = [];
  let at = 0;
  while (at + 512 <= bytes.length) {
    const h = bytes.subarray(at, at + 512);
    if (h.every((b) => b === 0)) break;
    const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(h.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0 || at + 512 + size > bytes.length) throw new Error('the tar archive is cut short or corrupt');
    const type = String.fromCharCode(h[156]!);
    if ((type === '0' || type === '\0') && name && !name.includes('..') && !name.startsWith('/')) out.push({ name, data: bytes.subarray(at + 512, at + 512 + size) });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}
