import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type ServiceDeps } from '../../services/deps.js';
import { analyseItem } from '../../services/itemAnalysis.js';
import { ingestItems } from '../../services/itemService.js';
import { DIALECTS, startTestApp, type TestApp } from '../../test/harness.js';
import { updateNetworksTask } from './networks.js';

// Invented ads: a fictional 555 number, `.test` sites, made-up names.
describe.each(DIALECTS)('the network update task, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  const ad = (name: string, city: string, i: number) => ({
    url: `https://tablon${i}.ejemplo.test/anuncio/${i}`,
    text: `Me llamo ${name}, masajes y compañía en ${city}, horario flexible. Whatsapp 310 555 4821.`,
    locationText: city,
    region: 'CO',
  });
  const add = async (entries: ReturnType<typeof ad>[]) => {
    const { toAnalyse } = await ingestItems(t.runtime.deps, cliActor, entries, { defaultSource: 'import' });
    for (const id of toAnalyse) await analyseItem(t.runtime.deps, id);
    return toAnalyse;
  };
  const score = async (id: string) => (await t.runtime.deps.db.selectFrom('item').select('risk_score').where('id', '=', id).executeTakeFirstOrThrow()).risk_score as number;
  const automaticReports = async (id: string) =>
    (await t.runtime.deps.db.selectFrom('hotline_report').select('id').where('item_id', '=', id).where('channel', '=', 'automatic').execute()).length;
  const runWith = (deps: ServiceDeps, itemId: string) => updateNetworksTask.run({ itemId }, { deps, jobId: 'j', workerId: 'w', attempt: 1 });

  it('files the automatic report of an earlier ad that a later ad lifts over the line through their shared phone', async () => {
    const [first] = await add([ad('Lina', 'Bogotá', 1)]);
    await runWith(t.runtime.deps, first!);
    const alone = await score(first!);
    expect(alone).toBeLessThan(1);
    // The line sits just above the first ad's score on its own.
    const deps: ServiceDeps = { ...t.runtime.deps, config: { ...t.runtime.deps.config, autoReportRisk: alone + 0.005 } };
    await runWith(deps, first!);
    expect(await automaticReports(first!)).toBe(0);

    // Three more ads with the same phone, other names and cities: "one phone, many cities and names".
    const later = await add([ad('Sofi', 'Medellín', 2), ad('Vale', 'Cali', 3), ad('Dani', 'Pereira', 4)]);
    for (const id of later) await runWith(deps, id);
    expect(await score(first!)).toBeGreaterThan(alone + 0.005);
    expect(await automaticReports(first!)).toBe(1);
    // Once per item: running the update again files nothing new.
    for (const id of [first!, ...later]) await runWith(deps, id);
    expect(await automaticReports(first!)).toBe(1);
  });
});
