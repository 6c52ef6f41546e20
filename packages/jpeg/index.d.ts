export interface NativeJpegImage {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly data: Buffer;
}

/** Refusal codes: the caller falls back to a general decoder on any of them except `too_many_pixels`. */
export type NativeJpegErrorCode = 'decode_failed' | 'unsupported' | 'too_many_pixels' | 'corrupt' | 'out_of_memory';

export interface NativeJpeg {
  /**
   * Decodes on a libuv thread: RGB, or luma only when the longest side exceeds `lumaOnlyAbove`.
   * Rejects with an Error whose `code` is a NativeJpegErrorCode.
   */
  decodeJpeg(bytes: Uint8Array, maxPixels: number, lumaOnlyAbove: number): Promise<NativeJpegImage>;
}

export declare const nativeJpeg: NativeJpeg | null;
