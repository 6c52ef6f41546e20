import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlobStore } from './blobStore.js';

const store = () => {
  const root = mkdtempSync(path.join(tmpdir(), 'centinela-blobs-'));
  return { root, blobs: new BlobStore(root, randomBytes(32)) };
};

describe('BlobStore', () => {
  it('stores content at the path of its SHA-256 and gives it back', async () => {
    const { blobs } = store();
    const bytes = Buffer.from('WARC/1.1 invented evidence record\r\n');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(await blobs.put(bytes)).toEqual({ sha256: sha, size: bytes.length, created: true });
    expect(blobs.pathFor(sha)).toContain(path.join(sha.slice(0, 2), sha.slice(2, 4), sha));
    expect(await blobs.get(sha)).toEqual(bytes);
    expect((await blobs.put(bytes)).created).toBe(false);
  });

  it('encrypts at rest: the plaintext is not in the file', async () => {
    const { blobs } = store();
    const bytes = Buffer.from('Nombre inventado: María Ejemplo, teléfono +57 300 000 0000');
    const { sha256 } = await blobs.put(bytes);
    const onDisk = readFileSync(blobs.pathFor(sha256));
    expect(onDisk.includes(bytes)).toBe(false);
    expect(onDisk.includes(Buffer.from('María'))).toBe(false);
  });

  it('refuses a tampered file, a file moved to another address, and a different key', async () => {
    const { root, blobs } = store();
    const a = await blobs.put(Buffer.from('first'));
    const b = await blobs.put(Buffer.from('second'));
    const file = blobs.pathFor(a.sha256);
    const box = readFileSync(file);
    box[box.length - 20]! ^= 0xff;
    writeFileSync(file, box);
    await expect(blobs.get(a.sha256)).rejects.toThrow();
    mkdirSync(path.dirname(blobs.pathFor(a.sha256)), { recursive: true });
    renameSync(blobs.pathFor(b.sha256), blobs.pathFor(a.sha256));
    await expect(blobs.get(a.sha256)).rejects.toThrow();
    const other = new BlobStore(root, randomBytes(32));
    const c = await blobs.put(Buffer.from('third'));
    await expect(other.get(c.sha256)).rejects.toThrow();
  });

  it('refuses addresses that are not SHA-256 digests (no path traversal)', async () => {
    const { blobs } = store();
    await expect(blobs.get('../../etc/passwd')).rejects.toThrow(/SHA-256/);
  });
});
