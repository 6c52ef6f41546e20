import sharp from 'sharp';

/**
 * Benign images from a seed — gradients, stripes, a disc and, optionally, a checker of blocks — for tests and the
 * demo site. Never photos of people. Different seeds give PDQ hashes far apart; the same seed, the same image.
 */
export async function patternPng(seed: number, width = 320, height = 240, opts: { blocks?: boolean } = {}): Promise<Buffer> {
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
      const block = !opts.blocks ? 0 : (Math.floor(x / (12 + (seed % 9))) + Math.floor(y / (10 + (seed % 7)))) % 2 ? 45 : -45;
      data[p] = clamp(110 + wave + disc + block);
      data[p + 1] = clamp((x * 255) / width + bar + block);
      data[p + 2] = clamp((y * 255) / height - disc / 2 + wave / 2 + block);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

function clamp(v: number): number {
  return Math.max(0, Math.min(255, Math.round(v)));
}
