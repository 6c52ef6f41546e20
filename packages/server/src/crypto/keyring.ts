import { hkdfSync } from 'node:crypto';

/** Purposes for which separate keys are derived, so one leaked sub-key exposes only its own data. */
export type KeyPurpose = 'blob-store' | 'field-encryption' | 'api-key-hmac' | 'session-csrf' | 'case-field';

/** Derives independent 256-bit sub-keys from the master key with HKDF-SHA256. */
export class Keyring {
  readonly #master: Buffer;
  readonly #cache = new Map<string, Buffer>();

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('master key must be 32 bytes');
    this.#master = Buffer.from(masterKey);
  }

  derive(purpose: KeyPurpose, version = 1): Buffer {
    const id = `${purpose}:v${version}`;
    let key = this.#cache.get(id);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.#master, Buffer.from('centinela'), Buffer.from(id), 32));
      this.#cache.set(id, key);
    }
    return key;
  }
}
