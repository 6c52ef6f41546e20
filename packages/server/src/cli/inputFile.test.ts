import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readInputFile } from './inputFile.js';
import { CliFailure } from './output.js';

describe('readInputFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'centinela-input-'));
  const file = (name: string, content: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  afterEach(() => vi.restoreAllMocks());
  const failure = async (p: Promise<unknown>) => {
    const err = await p.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(CliFailure);
    return err as CliFailure;
  };

  it('reads a file within the limit whole', async () => {
    expect((await readInputFile(file('ok.txt', 'hola'), 4)).toString('utf8')).toBe('hola');
  });

  it('refuses a file over the limit, a missing file and a directory with exit code 2, before reading', async () => {
    const big = await failure(readInputFile(file('big.txt', 'hola!'), 4));
    expect([big.exitCode, big.message]).toEqual([2, `${path.join(dir, 'big.txt')} is larger than the limit of 4 bytes`]);
    expect((await failure(readInputFile(path.join(dir, 'missing.txt'), 4))).exitCode).toBe(2);
    expect((await failure(readInputFile(dir, 4))).message).toBe(`cannot read ${dir}`);
  });

  it('reads stdin for "-" only when allowed, and stops at the limit', async () => {
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([Buffer.from('ab'), Buffer.from('cd')]) as typeof process.stdin);
    expect((await readInputFile('-', 4, { stdin: true })).toString()).toBe('abcd');
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([Buffer.from('abc'), Buffer.from('de')]) as typeof process.stdin);
    expect((await failure(readInputFile('-', 4, { stdin: true }))).message).toBe('the input is larger than the limit of 4 bytes');
    // Without the option, "-" is a file name like any other.
    expect((await failure(readInputFile('-', 4))).message).toBe('cannot read -');
  });
});
