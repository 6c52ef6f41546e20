import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Keyring } from './keyring.js';
import { KEY_FILE_NAME, loadMasterKey } from './masterKey.js';

describe('master key', () => {
  it('creates a key file with mode 0600 on first run and reads the same key afterwards', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'centinela-key-'));
    const first = loadMasterKey(undefined, dir);
    expect(first.source).toBe('keyfile-created');
    expect(statSync(path.join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    const second = loadMasterKey(undefined, dir);
    expect(second.source).toBe('keyfile-existing');
    expect(second.key.equals(first.key)).toBe(true);
    expect(readFileSync(path.join(dir, KEY_FILE_NAME), 'utf8').trim()).toHaveLength(64);
  });

  it('prefers CENTINELA_SECRET_KEY', () => {
    const hex = 'ab'.repeat(32);
    expect(loadMasterKey(hex, '/nonexistent').key.toString('hex')).toBe(hex);
  });

  it('derives different, stable sub-keys per purpose', () => {
    const ring = new Keyring(Buffer.alloc(32, 7));
    expect(ring.derive('blob-store').equals(ring.derive('field-encryption'))).toBe(false);
    expect(ring.derive('blob-store').equals(new Keyring(Buffer.alloc(32, 7)).derive('blob-store'))).toBe(true);
  });
});
