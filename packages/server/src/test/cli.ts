import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { vi } from 'vitest';
import { runCli } from '../cli/main.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs `centinela …args` in this process with `env` set and stdout/stderr captured (and `stdin` as standard
 * input when given); restores everything afterwards.
 */
export async function runCliCaptured(args: string[], env: Record<string, string> = {}, stdin?: string | Buffer): Promise<CliResult> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const i = stdin === undefined ? null : vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([Buffer.from(stdin)]) as typeof process.stdin);
  try {
    const code = await runCli(['node', 'centinela', ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    i?.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    process.exitCode = undefined;
  }
}

/** Writes an input file for a command into the test's data directory and returns its path. */
export function writeDataFile(dataDir: string, name: string, content: string | Buffer): string {
  const p = path.join(dataDir, name);
  writeFileSync(p, content);
  return p;
}
