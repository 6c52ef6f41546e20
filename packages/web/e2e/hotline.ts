import { crc32, deflateSync } from 'node:zlib';

/**
 * A benign PNG made in Node (no page, so it works with JavaScript disabled): a colour gradient with a diagonal
 * band and a disc. Never a photograph.
 */
export function gradientPng(seed = 1, width = 96, height = 96): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      const disc = (x - width / 2) ** 2 + (y - height / 3) ** 2 < (width / 5) ** 2;
      const band = Math.abs(x - y - seed * 7) < 6;
      raw[o] = disc ? 230 : (x * 255) / width;
      raw[o + 1] = band ? 20 : (y * 255) / height;
      raw[o + 2] = ((x + y + seed * 40) * 2) % 256;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// The same SMTP listener and fixture web host as the server's integration tests.
export { startFixtureHost, startSmtpCapture, type FixtureHost, type SmtpCapture } from '../../server/src/test/hotline';
