import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from '../../test/harness.js';
import { patternPng, pngHeaderClaiming, rotatePng } from '../../test/images.js';
import { runCli } from '../main.js';

interface CliRun {
  code: number;
  out: string;
  err: string;
  lines: Array<Record<string, unknown>>;
}

/** Runs `centinela …` in this process against the test's database and captures its output. */
async function cli(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await runCli(['node', 'centinela', ...args]);
    const lines = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    return { code, out, err, lines };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.env = saved;
    process.exitCode = undefined;
  }
}

describe.each(DIALECTS)('hash, bank and match commands on %s', (dialect) => {
  let t: TestApp;
  let dir: string;
  let run: (...args: string[]) => Promise<CliRun>;
  const file = (name: string, bytes: Buffer | string) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    dir = mkdtempSync(path.join(t.env.dataDir, 'files-'));
    run = (...args) => cli(t.env.env, ...args);
  });
  afterAll(() => t.close());

  it('hash prints one JSON line per file, an error line for a bad one, and fails at the end', async () => {
    const good = file('good.png', await patternPng(3));
    const bomb = file('bomb.png', pngHeaderClaiming(50_000, 50_000));
    const result = await run('hash', good, bomb, path.join(dir, 'missing.png'));
    expect(result.code).not.toBe(0);
    expect(result.lines).toHaveLength(3);
    expect(Object.keys(result.lines[0]!)).toEqual(['file', 'pdq', 'quality', 'md5', 'sha256']);
    expect(result.lines[0]).toMatchObject({ file: good, pdq: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(result.lines[1]).toEqual({ file: bomb, error: { code: 'media.too_many_pixels', message: expect.any(String) } });
    expect(result.lines[2]).toMatchObject({ error: { code: 'file.not_found' } });
    expect(result.err.trim().split('\n')).toEqual(['centinela: 2 of 3 files could not be hashed']);
    expect((await run('hash', good)).code).toBe(0);
  });

  it('bank create, import (counts), list and export round-trip', async () => {
    expect((await run('bank', 'create', 'cli-bank', '--description', 'invented')).code).toBe(0);
    const hashes = Array.from({ length: 5 }, () => randomBytes(32).toString('hex'));
    const csv = file('bank.csv', `hash,category,source,note\n${hashes.map((h) => `${h},test,cli,`).join('\n')}\n${hashes[0]},dup,,\n`);
    const imported = await run('bank', 'import', 'cli-bank', csv);
    expect(imported.code).toBe(0);
    expect(imported.lines[0]).toEqual({ read: 6, added: 5, duplicates: 1, invalid: [], invalidCount: 0 });
    const list = await run('bank', 'list');
    expect(list.lines.find((b) => b.name === 'cli-bank')).toMatchObject({ entryCount: 5, enabled: true });

    for (const format of ['lines', 'csv', 'te']) {
      const exported = await run('bank', 'export', 'cli-bank', '--format', format);
      expect(exported.code).toBe(0);
      const copy = `cli-copy-${format}`;
      await run('bank', 'create', copy);
      const back = await run('bank', 'import', copy, file(`export.${format}`, exported.out), '--format', format);
      expect(back.lines[0]).toMatchObject({ read: 5, added: 5, duplicates: 0 });
    }
  });

  it('a bad import is refused whole with line numbers and a one-line reason', async () => {
    await run('bank', 'create', 'cli-strict');
    const bad = file('bad.txt', `${'a'.repeat(64)}\nnot hex\n`);
    const result = await run('bank', 'import', 'cli-strict', bad);
    expect(result.code).not.toBe(0);
    expect(result.lines[0]).toMatchObject({ added: 0, invalid: [{ line: 2, reason: 'the hash is not hexadecimal' }] });
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toContain('line 2');
    expect((await run('bank', 'list')).lines.find((b) => b.name === 'cli-strict')).toMatchObject({ entryCount: 0 });
    expect((await run('bank', 'import', 'cli-strict', bad, '--format', 'xml')).code).toBe(2);
    expect((await run('bank', 'import', 'no-such-bank', bad)).err).toContain('bank.not_found');
  });

  it('match finds files and hashes with distances, including rotated copies with --dihedral', async () => {
    const png = await patternPng(4);
    const original = file('orig.png', png);
    const rotated = file('rot.png', await rotatePng(png, 180));
    const hashed = (await run('hash', original)).lines[0]!;
    await run('bank', 'create', 'cli-match');
    await run('bank', 'import', 'cli-match', file('m.txt', `${hashed.pdq as string}\n`));

    const byFile = await run('match', '--bank', 'cli-match', original, rotated);
    expect(byFile.code).toBe(0);
    expect(byFile.lines.map((l) => l.status)).toEqual(['matched', 'no_match']);
    expect(byFile.lines[0]).toMatchObject({ file: original, matches: [{ bank: 'cli-match', distance: 0, category: null }] });

    const dihedral = await run('match', '--bank', 'cli-match', '--dihedral', rotated);
    expect(dihedral.lines[0]).toMatchObject({ status: 'matched' });

    const byHash = await run('match', '--bank', 'cli-match', '--hash', hashed.pdq as string, '--threshold', '10');
    expect(byHash.lines[0]).toMatchObject({ hash: hashed.pdq, type: 'pdq', status: 'matched', matches: [{ distance: 0 }] });
  });

  it('match refuses bad input with a non-zero exit and one line', async () => {
    const cases: string[][] = [
      ['match', '--bank', 'no-such-bank', '--hash', 'a'.repeat(64)],
      ['match', '--bank', 'cli-match', '--hash', 'xyz'],
      ['match', '--bank', 'cli-match', '--hash', 'a'.repeat(63)],
      ['match', '--bank', 'cli-match', '--hash', 'a'.repeat(64), '--threshold', '99'],
      ['match', '--bank', 'cli-match'],
      ['match', '--hash', 'a'.repeat(64)],
    ];
    for (const args of cases) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect((await run(...cases[0]!)).err).toContain('bank.not_found');
  });
});
