// `centinela risk fit` in-process, on small invented labelled files; and the fitted config used by `centinela score`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRiskConfigFile } from '../../config/riskConfig.js';
import { isHeldOut } from '../../services/riskFit.js';
import { runCliCaptured } from '../../test/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'centinela-risk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { CENTINELA_DATA_DIR: dir };
const file = (name: string, lines: readonly unknown[]): string => {
  const p = path.join(dir, name);
  writeFileSync(p, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return p;
};

const NAMES = ['Ana', 'Lucia', 'Sofia', 'Maria', 'Julia', 'Carla', 'Elena', 'Rosa', 'Paula', 'Irene', 'Marta', 'Nora', 'Vera', 'Alba', 'Clara'];

/**
 * Invented and deliberately against the priors: here movement language ("new in town", prior 0.1) marks the
 * positives and "just turned 18" (prior 1.8) the negatives, so the priors rank backwards and a fit must turn them.
 */
function invertedExamples(): Array<{ text: string; label: 0 | 1; language: 'en'; region: 'US' }> {
  const out: Array<{ text: string; label: 0 | 1; language: 'en'; region: 'US' }> = [];
  NAMES.forEach((name, i) => {
    out.push({ text: `${name} is new in town, visiting for a few days only. Room ${100 + i}.`, label: 1, language: 'en', region: 'US' });
    out.push({ text: `${name} here, new in town this week, call me. Suite ${200 + i}.`, label: 1, language: 'en', region: 'US' });
    out.push({ text: `${name} just turned 18 and wants to party tonight. Table ${300 + i}.`, label: 0, language: 'en', region: 'US' });
    out.push({ text: `Selling ${name}'s used bicycle number ${400 + i}, good condition.`, label: 0, language: 'en', region: 'US' });
  });
  return out;
}

describe('centinela risk fit', () => {
  it('fits weights that beat priors that rank this (invented) set backwards, and writes a config that score accepts', async () => {
    const examples = invertedExamples();
    // The deterministic split holds out both classes of this file.
    const held = examples.filter((e) => isHeldOut(e.text));
    expect(new Set(held.map((e) => e.label))).toEqual(new Set([0, 1]));

    const input = file('inverted.jsonl', examples);
    const out = path.join(dir, 'fitted.json');
    const res = await runCliCaptured(['risk', 'fit', input, '--out', out, '--json'], env);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    const report = JSON.parse(res.out);
    expect(report.heldOut.n).toBe(held.length);
    expect(report.train.n + report.heldOut.n).toBe(examples.length);
    expect(report.prior.auc).toBeLessThan(0.5);
    expect(report.fitted.auc).toBeGreaterThan(0.95);
    expect(report.fitted.brier).toBeLessThan(report.prior.brier);
    const weight = (id: string) => report.weights.find((w: { id: string }) => w.id === id)?.fitted as number;
    expect(weight('movement.new-in-town')).toBeGreaterThan(0);
    expect(weight('youth.just-18')).toBeLessThan(0);
    expect(report.config.version).toMatch(/^fitted-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/);
    expect(report.written).toBe(out);

    // The file on disk is the same config; features absent from the text (link graph, media) keep their priors.
    const config = readRiskConfigFile(out);
    expect(config.version).toBe(report.config.version);
    expect(config.mediaWeights['media.bank-match']).toBe(3);
    expect(config.entityWeights['entity.phone-shared-ads']).toBe(0.3);
    expect(JSON.parse(readFileSync(out, 'utf8')).weakEvidenceCap).toBeNull(); // uncapped, JSON-safe

    // `centinela score` with CENTINELA_RISK_CONFIG uses it.
    const ad = file('ad.txt', ['Vera is new in town for a few days only.']);
    const prior = JSON.parse((await runCliCaptured(['score', '--language', 'en', ad], env)).out);
    const fitted = await runCliCaptured(['score', '--language', 'en', ad], { ...env, CENTINELA_RISK_CONFIG: out });
    expect(fitted.code).toBe(0);
    const body = JSON.parse(fitted.out);
    expect(prior.configVersion).toBe('prior-1.0.0');
    expect(body.configVersion).toBe(config.version);
    expect(body.score).toBeGreaterThan(prior.score);
  });

  it('prints a readable report comparing prior and fitted, and writes nothing without --out', async () => {
    const input = file('text.jsonl', invertedExamples());
    const res = await runCliCaptured(['risk', 'fit', input, '--l2', '2', '--keep-caps'], env);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/ROC AUC .*\d\.\d{3} +\d\.\d{3}/);
    expect(res.out).toMatch(/Brier/);
    expect(res.out).toMatch(/precision@\d+/);
    expect(res.out).toMatch(/reliability/);
    expect(res.out).toMatch(/youth\.just-18 .*SIGN FLIPPED/);
    expect(res.out).toMatch(/not written: pass --out/);
  });

  it.each([
    ['a malformed line', ['{"text":"a","label":1}', '{not json'], /line 2: not valid JSON/],
    ['a label that is not 0/1', [{ text: 'hello there', label: 'yes' }], /line 1: "label" must be 0 or 1/],
    ['an empty text', [{ text: '  ', label: 1 }], /line 1: "text" must be a non-empty string/],
    ['an unknown field', [{ text: 'x', label: 1, lang: 'en' }], /line 1: unknown field "lang"/],
    ['a bad language', [{ text: 'x', label: 1, language: 'fr' }], /line 1: "language" must be es, en or pt/],
    ['too few examples', invertedExamples().slice(0, 8), /8 examples; a fit needs at least 20/],
    ['one class only', invertedExamples().filter((e) => e.label === 1), /every example has label 1; a fit needs both 0 and 1/],
    ['too few of one class', [...invertedExamples().filter((e) => e.label === 0), ...invertedExamples().filter((e) => e.label === 1).slice(0, 3)], /3 examples labelled 1 .* at least 5 of each/],
  ])('refuses %s with one line and a non-zero exit', async (_name, lines, message) => {
    const res = await runCliCaptured(['risk', 'fit', file('bad.jsonl', lines)], env);
    expect(res.code).not.toBe(0);
    expect(res.out).toBe('');
    expect(res.err).toMatch(message);
    expect(res.err.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a missing file and a bad --l2', async () => {
    const missing = await runCliCaptured(['risk', 'fit', path.join(dir, 'nope.jsonl')], env);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such file/);
    const l2 = await runCliCaptured(['risk', 'fit', file('ok.jsonl', invertedExamples()), '--l2', '-1'], env);
    expect(l2.code).not.toBe(0);
    expect(l2.err).toMatch(/--l2 must be a number/);
  });

  it('score stops with a configuration error naming CENTINELA_RISK_CONFIG when the file is bad', async () => {
    const bad = path.join(dir, 'bad-config.json');
    writeFileSync(bad, JSON.stringify({ version: 'x' }));
    const res = await runCliCaptured(['score', '-'], { ...env, CENTINELA_RISK_CONFIG: bad }, 'hello');
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/^centinela: configuration error: CENTINELA_RISK_CONFIG: /);
    expect(res.out).toBe('');
  });
});
