import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeItemTask } from '../jobs/tasks/analyzeItem.js';
import { ADS, PHONE_ES_RISKY } from '../test/ads.js';
import { DIALECTS, startTestApp, type TestApp } from '../test/harness.js';
import { cliActor } from './deps.js';
import { ANALYSIS_VERSION, analyseItem, analysisJobKey, analysisText } from './itemAnalysis.js';
import { ITEM_TEXT_MAX_CHARS } from './itemInput.js';
import { getItem } from './itemSearch.js';
import { ingestAndQueue, ingestItems } from './itemService.js';

describe.each(DIALECTS)('items: ingest and analysis on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  const db = () => t.runtime.deps.db;
  const ingest = (entries: unknown[]) => ingestItems(t.runtime.deps, cliActor, entries, { defaultSource: 'import' });
  const idOf = async (url: string) => (await db().selectFrom('item').select('id').where('url', '=', url).orderBy('created_at', 'desc').executeTakeFirstOrThrow()).id;
  const run = (itemId: string) => analyzeItemTask.run({ itemId }, { deps: t.runtime.deps, jobId: 'j', workerId: 'w', attempt: 1 });

  it('stores a capture once: the same (source, url, content) again changes nothing', async () => {
    const first = await ingest([ADS.esRisky, ADS.enRisky, ADS.ptRisky]);
    expect(first.counts).toMatchObject({ received: 3, created: 3, unchanged: 0, invalid: [] });
    expect(first.toAnalyse).toHaveLength(3);
    const before = await db().selectFrom('item').selectAll().orderBy('id').execute();
    t.clock.advance(60_000);
    // Re-flowed whitespace is the same content.
    const again = await ingest([ADS.esRisky, { ...ADS.enRisky, text: `  ${ADS.enRisky.text.replace(/ /g, '\n ')} ` }, ADS.ptRisky]);
    expect(again.counts).toMatchObject({ received: 3, created: 0, unchanged: 3, invalid: [] });
    expect(await db().selectFrom('item').selectAll().orderBy('id').execute()).toEqual(before);
    // The same capture from another source is another item.
    expect((await ingestItems(t.runtime.deps, cliActor, [ADS.esRisky], { defaultSource: 'crawl' })).counts.created).toBe(1);
    const pt = before.find((r) => r.url === 'https://www.classificados.exemplo.test/sp/55')!;
    expect(pt).toMatchObject({ site: 'classificados.exemplo.test', source: 'import', ingested_by: 'cli', risk_score: null, previous_id: null });
  });

  it('keeps a changed text at a known URL as a new version pointing at the previous one', async () => {
    const url = 'https://anuncios.ejemplo.test/medellin/1';
    await ingest([{ url, title: 'Masajes', text: 'Atención 24 horas.' }]);
    const v1 = await idOf(url);
    t.clock.advance(1000);
    const res = await ingest([{ url, title: 'Masajes', text: 'Atención 24 horas. Recién llegada.' }]);
    expect(res.counts).toMatchObject({ created: 1, unchanged: 0 });
    const rows = await db().selectFrom('item').select(['id', 'previous_id']).where('url', '=', url).orderBy('created_at').execute();
    expect(rows).toHaveLength(2);
    expect(rows[1]!.previous_id).toBe(v1);
  });

  it('reports invalid entries by index and stores every valid one of the batch', async () => {
    const res = await ingest([
      'not an object',
      { url: 'https://x.ejemplo.test/ok-1', text: 'Anuncio válido uno' },
      { url: 'ftp://x.ejemplo.test/2', text: 'bad scheme' },
      { url: 'https://x.ejemplo.test/3' },
      { url: 'https://x.ejemplo.test/4', text: 'fecha mala', postedAt: 'ayer' },
      { url: 'https://x.ejemplo.test/5', text: 'campo de más', precio: 5 },
      { url: 'https://x.ejemplo.test/ok-6', text: 'Anuncio válido seis', postedAt: '2026-11-20', capturedAt: '2026-11-21T08:00:00-05:00' },
    ]);
    expect(res.counts.created).toBe(2);
    expect(res.counts.invalid.map((i) => i.index)).toEqual([0, 2, 3, 4, 5]);
    expect(res.counts.invalid[1]!.reason).toMatch(/^url: /);
    expect(res.counts.invalid[2]!.reason).toMatch(/title or a text/);
    const six = await db().selectFrom('item').selectAll().where('url', '=', 'https://x.ejemplo.test/ok-6').executeTakeFirstOrThrow();
    expect(six).toMatchObject({ posted_at: '2026-11-20T00:00:00.000Z', captured_at: '2026-11-21T13:00:00.000Z' });
  });

  it('the analysis task fills indicators, entities, language and score; running it again changes nothing', async () => {
    const id = await idOf(ADS.esRisky.url);
    await run(id);
    const item = await getItem(t.runtime.deps, id);
    expect(item.language).toBe('es');
    expect(item.riskScore).toBeGreaterThan(0.3);
    expect(item.analysis?.version).toBe(ANALYSIS_VERSION);
    const ids = item.analysis!.indicators.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['youth.schoolgirl', 'third-party.new-girls', 'availability.24-7']));
    // Spans index the analysed string: the title, a blank line, then the text.
    const analysed = analysisText({ title: ADS.esRisky.title, text: ADS.esRisky.text }).text;
    for (const ind of item.analysis!.indicators) for (const s of ind.spans) expect(analysed.slice(s.start, s.end)).toBe(s.text);
    expect(item.analysis!.textOffset).toBe(ADS.esRisky.title.length + 2);
    expect(item.analysis!.entities.map((e) => `${e.type}:${e.normalized}`)).toEqual(expect.arrayContaining([`phone:${PHONE_ES_RISKY}`, 'email:lola@ejemplo.com']));
    expect(item.analysis!.details.breakdown.length).toBeGreaterThan(0);

    const snapshot = async () => ({
      item: await db().selectFrom('item').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      indicators: await db().selectFrom('item_indicator').selectAll().where('item_id', '=', id).orderBy('indicator_id').execute(),
      entities: await db().selectFrom('item_entity').selectAll().where('item_id', '=', id).orderBy('start').execute(),
    });
    const before = await snapshot();
    t.clock.advance(5000);
    await run(id);
    expect(await analyseItem(t.runtime.deps, id)).toBe('already-current');
    expect(await snapshot()).toEqual(before);
    // Another version re-analyses and replaces rather than adding rows.
    await db().updateTable('item').set({ analysis_version: 'older' }).where('id', '=', id).execute();
    expect(await analyseItem(t.runtime.deps, id)).toBe('analysed');
    const after = await snapshot();
    expect(after.indicators).toEqual(before.indicators);
    expect(after.entities).toEqual(before.entities);
    expect(await analyseItem(t.runtime.deps, '00000000-0000-7000-8000-000000000000')).toBe('missing');
  });

  it('a worker runs the queued analysis of new items, once per item and version', async () => {
    const counts = await ingestAndQueue(t.runtime.deps, t.runtime.queue, cliActor, [ADS.esJobLure, ADS.esBenign], { defaultSource: 'import' });
    expect(counts.created).toBe(2);
    const ids = [await idOf(ADS.esJobLure.url), await idOf(ADS.esBenign.url)];
    if (dialect === 'sqlite') {
      const jobs = await db().selectFrom('job').select('job_key').where('task', '=', 'analyze.item').execute();
      expect(jobs.map((j) => j.job_key)).toEqual(expect.arrayContaining(ids.map((id) => analysisJobKey(id))));
    }
    const worker = await t.runtime.queue.startWorker({ roles: ['analyze'], pollIntervalMs: 50 });
    try {
      const deadline = Date.now() + 20_000;
      let done = 0;
      while (Date.now() < deadline) {
        done = (await db().selectFrom('item').select('id').where('id', 'in', ids).where('analysed_at', 'is not', null).execute()).length;
        if (done === 2) break;
        await sleep(100);
      }
      expect(done).toBe(2);
    } finally {
      await worker.stop();
    }
    const lure = await getItem(t.runtime.deps, ids[0]!);
    expect(lure.analysis!.indicators.map((i) => i.category)).toContain('recruitment');
    const benign = await getItem(t.runtime.deps, ids[1]!);
    expect(benign.riskScore!).toBeLessThan(lure.riskScore!);
  });

  it('stores binary junk, invalid UTF-8 and huge texts safely, cut at the documented limit', async () => {
    const junk = Buffer.from([0x48, 0x6f, 0x6c, 0x61, 0x00, 0xff, 0xfe, 0xc3, 0x28, 0x01, 0x7f, 0x20, 0xf0, 0x9f]).toString('utf8');
    const huge = 'Recién llegada, 24 horas. '.repeat(10_000);
    const res = await ingest([
      { url: 'https://x.ejemplo.test/junk', text: `${junk} \uD800 fin` },
      { url: 'https://x.ejemplo.test/huge', title: 'Largo', text: huge },
    ]);
    expect(res.counts).toMatchObject({ created: 2, invalid: [] });
    const junkRow = await db().selectFrom('item').selectAll().where('url', '=', 'https://x.ejemplo.test/junk').executeTakeFirstOrThrow();
    expect(junkRow.text).not.toMatch(/[\u0000-\u0008\u007F]/);
    expect(junkRow.text).toContain('\uFFFD');
    const hugeRow = await db().selectFrom('item').selectAll().where('url', '=', 'https://x.ejemplo.test/huge').executeTakeFirstOrThrow();
    expect(hugeRow.text.length).toBe(ITEM_TEXT_MAX_CHARS);
    for (const row of [junkRow, hugeRow]) await run(row.id);
    const analysed = await getItem(t.runtime.deps, hugeRow.id);
    expect(analysed.analysis!.details.truncated).toBe(true);
    expect(analysed.analysis!.indicators.length).toBeGreaterThan(0);
    expect((await getItem(t.runtime.deps, junkRow.id)).analysedAt).not.toBeNull();
  });
});
