import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ConfigError } from '../config/config.js';

export const KEY_FILE_NAME = 'secret.key';

export interface MasterKey {
  key: Buffer;
  source: 'env' | 'keyfile-existing' | 'keyfile-created';
  keyFile?: string;
}

/**
 * The master key comes from CENTINELA_SECRET_KEY; without it, a key file in the data directory is
 * read, or created with mode 0600 on first run. Losing this key loses all encrypted data.
 */
export function loadMasterKey(secretKeyHex: string | undefined, dataDir: string): MasterKey {
  if (secretKeyHex) return { key: Buffer.from(secretKeyHex, 'hex'), source: 'env' };
  const keyFile = path.join(dataDir, KEY_FILE_NAME);
  if (existsSync(keyFile)) {
    const mode = statSync(keyFile).mode & 0o777;
    if (mode & 0o077) chmodSync(keyFile, 0o600);
    const hex = readFileSync(keyFile, 'utf8').trim();
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
      throw new ConfigError(`CENTINELA_SECRET_KEY: key file ${keyFile} does not hold 64 hexadecimal characters`);
    }
    return { key: Buffer.from(hex, 'hex'), source: 'keyfile-existing', keyFile };
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(keyFile, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, source: 'keyfile-created', keyFile };
}
