import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { open, seal } from '../crypto/aead.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Content-addressed blob store: the path comes from the SHA-256 of the plaintext, the file holds it
 * sealed with AES-256-GCM (the hash is the associated data, so a file moved to another address fails to open).
 */
export class BlobStore {
  constructor(
    private readonly root: string,
    private readonly key: Buffer,
  ) {}

  pathFor(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error('blob address must be a lower-case SHA-256 hex digest');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Buffer): Promise<{ sha256: string; size: number; created: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = this.pathFor(sha256);
    if (await exists(file)) return { sha256, size: bytes.length, created: false };
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a crash never leaves a half-written blob at its address.
    const tmp = `${file}.${randomUUID()}.tmp`;
    await writeFile(tmp, seal(this.key, bytes, Buffer.from(sha256)), { mode: 0o600 });
    await rename(tmp, file);
    return { sha256, size: bytes.length, created: true };
  }

  async get(sha256: string): Promise<Buffer> {
    const box = await readFile(this.pathFor(sha256));
    const bytes = open(this.key, box, Buffer.from(sha256));
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`blob ${sha256} is corrupt`);
    return bytes;
  }

  has(sha256: string): Promise<boolean> {
    return exists(this.pathFor(sha256));
  }

  async delete(sha256: string): Promise<void> {
    await unlink(this.pathFor(sha256)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
