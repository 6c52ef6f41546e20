import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Removes the temporary data directory created by playwright.config.ts (only that one, only under tmp). */
export default function globalTeardown(): void {
  const dir = process.env.CENTINELA_E2E_DATA_DIR;
  if (!dir) return;
  const resolved = path.resolve(dir);
  if (!resolved.startsWith(path.join(os.tmpdir(), 'centinela-e2e-'))) return;
  fs.rmSync(resolved, { recursive: true, force: true });
}
