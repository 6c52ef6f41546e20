// A new CENTINELA_RISK_CONFIG re-analyses stored items: `centinela risk reanalyse` queues the outdated ones, and
// the analysis then stores the fitted config's score and version.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_RISK_CONFIG } from '@centinela/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRiskConfig, riskConfigToJson } from '../../config/riskConfig.js';
import { cliActor } from '../../services/deps.js';
import { ANALYSIS_VERSION, analyseItem, analysisVersion } from '../../services/itemAnalysis.js';
import { ingestItems } from '../../services/itemService.js';
import { ADS } from '../../test/ads.js';
import { runCliCaptured } from '../../test/cli.js';
import { DIALECTS, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(DIALECTS)('centinela risk reanalyse on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('queues items analysed under another config, and the analysis then uses the configured one', async () => {
    const { toAnalyse } = await ingestItems(t.runtime.deps, cliActor, [ADS.esRisky, ADS.esBenign], { defaultSource: 'import' });
    for (const id of toAnalyse) expect(await analyseItem(t.runtime.deps, id)).toBe('analysed');

    // Nothing is outdated under the priors.
    const same = await runCliCaptured(['risk', 'reanalyse'], t.env.env);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.out)).toEqual({ queued: 0, analysisVersion: ANALYSIS_VERSION });

    // An invented config (bias −1 instead of −3): every stored item is outdated.
    const json = { ...riskConfigToJson(DEFAULT_RISK_CONFIG), version: 'fitted-test-1', bias: -1 };
    const file = path.join(t.env.dataDir, 'risk.json');
    writeFileSync(file, JSON.stringify(json));
    const riskConfig = parseRiskConfig(json);
    const res = await runCliCaptured(['risk', 'reanalyse'], { ...t.env.env, CENTINELA_RISK_CONFIG: file });
    expect(res.code).toBe(0);
    const body = JSON.parse(res.out);
    expect(body.queued).toBe(toAnalyse.length);
    expect(body.analysisVersion).toBe(analysisVersion(riskConfig));
    if (dialect === 'sqlite') {
      const keys = (await t.runtime.deps.db.selectFrom('job').select('job_key').where('task', '=', 'analyze.item').execute()).map((j) => j.job_key);
      for (const id of toAnalyse) expect(keys).toContain(`analyze.item:${id}:${body.analysisVersion}`);
    }

    const deps = { ...t.runtime.deps, config: { ...t.runtime.deps.config, riskConfig } };
    for (const id of toAnalyse) expect(await analyseItem(deps, id)).toBe('analysed');
    for (const id of toAnalyse) expect(await analyseItem(deps, id)).toBe('already-current');
    const rows = await t.runtime.deps.db.selectFrom('item').select(['analysis_version', 'risk_breakdown']).where('id', 'in', toAnalyse).execute();
    for (const row of rows) {
      expect(row.analysis_version).toBe(body.analysisVersion);
      expect(JSON.parse(row.risk_breakdown!).configVersion).toBe('fitted-test-1');
    }
  });
});

describe.each(DIALECTS)('POST /api/v1/analyze with CENTINELA_RISK_CONFIG on %s', (dialect) => {
  let t: TestApp;
  const dir = mkdtempSync(path.join(tmpdir(), 'centinela-riskapi-'));
  const file = path.join(dir, 'risk.json');
  beforeAll(async () => {
    writeFileSync(file, JSON.stringify({ ...riskConfigToJson(DEFAULT_RISK_CONFIG), version: 'fitted-test-2', bias: 0 }));
    t = await startTestApp(dialect, { CENTINELA_RISK_CONFIG: file });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scores with the configured config', async () => {
    const res = await t.as(await t.admin(), 'POST', '/api/v1/analyze', { text: 'Vendo bicicleta de montaña, poco uso.' });
    expect(res.statusCode).toBe(200);
    // No cue at all: the score is the bias alone, 1/(1+e^0) = 0.5 instead of the priors' ≈ 0.05.
    expect(res.json()).toMatchObject({ configVersion: 'fitted-test-2', score: 0.5 });
  });
});
