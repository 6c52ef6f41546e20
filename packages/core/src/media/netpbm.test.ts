import { describe, expect, it } from 'vitest';
import { MediaError } from './errors.js';
import { parseNetpbm } from './netpbm.js';

const bytes = (header: string, raster: number[]): Uint8Array =>
  Uint8Array.from([...Buffer.from(header, 'latin1'), ...raster]);

describe('parseNetpbm', () => {
  it('reads P6 and P5 with comments and odd whitespace', () => {
    expect(parseNetpbm(bytes('P6\n2 1\n255\n', [1, 2, 3, 4, 5, 6]))).toEqual({
      width: 2,
      height: 1,
      channels: 3,
      data: Uint8Array.from([1, 2, 3, 4, 5, 6]),
    });
    const grey = parseNetpbm(bytes('P5 # comment\n 1\t2 # more\n255 ', [7, 8]));
    expect([grey.width, grey.height, grey.channels, [...grey.data]]).toEqual([1, 2, 1, [7, 8]]);
  });

  it('scales 16-bit and small maxvals to 8 bits', () => {
    expect([...parseNetpbm(bytes('P5\n2 1\n65535\n', [0xff, 0xff, 0x80, 0x00])).data]).toEqual([255, 128]);
    expect([...parseNetpbm(bytes('P5\n2 1\n1\n', [0, 1])).data]).toEqual([0, 255]);
  });

  it.each([
    ['not netpbm', bytes('GIF89a', [])],
    ['ascii variant', bytes('P3\n1 1\n255\n1 2 3', [])],
    ['truncated header', bytes('P6\n2', [])],
    ['truncated raster', bytes('P6\n2 2\n255\n', [1, 2, 3])],
    ['zero width', bytes('P5\n0 2\n255\n', [])],
    ['bad number', bytes('P5\n-1 2\n255\n', [1])],
    ['sample over maxval', bytes('P5\n1 1\n10\n', [11])],
  ])('rejects %s', (_name, input) => {
    expect(() => parseNetpbm(input)).toThrow(MediaError);
  });
});
