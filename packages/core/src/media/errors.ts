/** Stable codes for media problems; callers map them to HTTP problems and CLI messages. */
export type MediaErrorCode =
  | 'media.invalid_hash'
  | 'media.invalid_image'
  | 'media.unsupported_format'
  | 'media.too_many_pixels'
  | 'media.empty_file'
  | 'media.decode_failed';

export class MediaError extends Error {
  override readonly name = 'MediaError';

  constructor(
    readonly code: MediaErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isMediaError(error: unknown): error is MediaError {
  return error instanceof MediaError;
}
