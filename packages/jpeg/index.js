import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The native decoder, or null when it was not built (no compiler or no libjpeg headers at install). */
function load() {
  try {
    return require('./build/Release/jpeg_luma.node');
  } catch {
    return null;
  }
}

export const nativeJpeg = load();
