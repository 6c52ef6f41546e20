import sharp from 'sharp';

/**
 * Benign images made at test time: gradients, stripes and shapes from a seed. Never photos of people.
 */
export async function patternPng(seed: number, width = 320, height = 240): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  const cx = (0.3 + ((seed * 37) % 40) / 100) * width;
  const cy = (0.3 + ((seed * 53) % 40) / 100) * height;
  const r = Math.min(width, height) * (0.15 + ((seed * 13) % 10) / 100);
  const fx = 11 + (seed % 7) * 5;
  const fy = 17 + (seed % 5) * 7;
  for (let y = 0, p = 0; y < height; y++) {
    for (let x = 0; x < width; x++, p += 3) {
      const wave = Math.sin(x / fx + seed) * Math.cos(y / fy - seed) * 70;
      const disc = (x - cx) ** 2 + (y - cy) ** 2 < r * r ? 90 : 0;
      const bar = Math.abs(x - y * (1 + (seed % 3))) < 12 ? -60 : 0;
      data[p] = clamp(110 + wave + disc);
      data[p + 1] = clamp((x * 255) / width + bar);
      data[p + 2] = clamp((y * 255) / height - disc / 2 + wave / 2);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** A flat grey image: PDQ quality 0, so it must never be matched. */
export function flatPng(width = 64, height = 64): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 128, g: 128, b: 128 } } }).png().toBuffer();
}

export function rotatePng(png: Buffer, degrees: 90 | 180 | 270): Promise<Buffer> {
  return sharp(png).rotate(degrees).png().toBuffer();
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, body: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const chunk = Buffer.alloc(typed.length + 8);
  chunk.writeUInt32BE(body.length, 0);
  typed.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typed), typed.length + 4);
  return chunk;
}

/** A well-formed PNG signature and header claiming width x height, then almost no data: a "bomb" header. */
export function pngHeaderClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', new Uint8Array([0x78, 0x9c, 0x63, 0x00, 0x00])),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** A multipart/form-data body for `inject`, without extra dependencies. */
export function multipartBody(
  files: { name?: string; filename: string; contentType?: string; bytes: Buffer }[],
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----centinela${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${f.name ?? 'file'}"; filename="${f.filename}"\r\ncontent-type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
