// CENTINELA_RISK_CONFIG: a fitted RiskConfig file read and validated by loadConfig, and its effect on the analysis version.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_RISK_CONFIG, score } from '@centinela/core';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION, analysisVersion } from '../services/itemAnalysis.js';
import { ConfigError, loadConfig } from './config.js';
import { parseRiskConfig, riskConfigToJson } from './riskConfig.js';

const dir = () => mkdtempSync(path.join(tmpdir(), 'centinela-riskconfig-'));
const fitted = () => ({ ...riskConfigToJson(DEFAULT_RISK_CONFIG), version: 'fitted-test', bias: -2, categoryCaps: {}, weakEvidenceCap: null });

function configError(env: Record<string, string>): Error {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as Error;
  }
  throw new Error('loadConfig accepted the file');
}

describe('CENTINELA_RISK_CONFIG', () => {
  it('is unset by default: the shipped priors', () => {
    expect(loadConfig({ CENTINELA_DATA_DIR: dir() }).riskConfig).toBeUndefined();
  });

  it('loads a fitted config file (null weak-evidence cap = no cap) that score() accepts', () => {
    const d = dir();
    const file = path.join(d, 'risk.json');
    writeFileSync(file, JSON.stringify(fitted()));
    const { riskConfig } = loadConfig({ CENTINELA_DATA_DIR: d, CENTINELA_RISK_CONFIG: file });
    expect(riskConfig).toMatchObject({ version: 'fitted-test', bias: -2, weakEvidenceCap: Number.POSITIVE_INFINITY });
    expect(score('hola', { config: riskConfig! }).configVersion).toBe('fitted-test');
  });

  it.each([
    ['a missing file', null, /^CENTINELA_RISK_CONFIG: cannot read /],
    ['invalid JSON', '{nope', /^CENTINELA_RISK_CONFIG: .* is not valid JSON$/],
    ['a missing field', JSON.stringify({ ...fitted(), bias: undefined }), /^CENTINELA_RISK_CONFIG: .*: bias: /],
    ['an unknown indicator id', JSON.stringify({ ...fitted(), indicatorWeights: { 'youth.typo': 1 } }), /^CENTINELA_RISK_CONFIG: .*indicatorWeights.*unknown indicator id/],
    ['an unknown category cap', JSON.stringify({ ...fitted(), categoryCaps: { shoes: 1 } }), /^CENTINELA_RISK_CONFIG: .*categoryCaps/],
    ['an empty version', JSON.stringify({ ...fitted(), version: '' }), /^CENTINELA_RISK_CONFIG: .*version/],
    ['an extra field', JSON.stringify({ ...fitted(), weights: [] }), /^CENTINELA_RISK_CONFIG: /],
  ])('a bad file (%s) stops with one line naming the variable', (_name, content, message) => {
    const d = dir();
    const file = path.join(d, 'risk.json');
    if (content !== null) writeFileSync(file, content);
    const err = configError({ CENTINELA_DATA_DIR: d, CENTINELA_RISK_CONFIG: file });
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('\n');
  });

  it('round-trips the shipped priors through JSON', () => {
    expect(parseRiskConfig(JSON.parse(JSON.stringify(riskConfigToJson(DEFAULT_RISK_CONFIG))))).toEqual(DEFAULT_RISK_CONFIG);
  });

  it('changes the analysis version, so stored items are analysed again; same content, same version', () => {
    const a = parseRiskConfig(fitted());
    expect(analysisVersion(undefined)).toBe(ANALYSIS_VERSION);
    expect(analysisVersion(DEFAULT_RISK_CONFIG)).toBe(ANALYSIS_VERSION);
    expect(ANALYSIS_VERSION).toContain('risk@prior-1.0.0');
    expect(analysisVersion(a)).not.toBe(ANALYSIS_VERSION);
    expect(analysisVersion(a)).toContain('risk@fitted-test#');
    expect(analysisVersion(parseRiskConfig(fitted()))).toBe(analysisVersion(a));
    // An edited file that kept its version string still counts as a new analysis.
    expect(analysisVersion({ ...a, bias: -1 })).not.toBe(analysisVersion(a));
  });
});
