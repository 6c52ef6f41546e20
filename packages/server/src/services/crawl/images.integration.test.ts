import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../runtime.js';
import { createTestEnv, DIALECTS, type TestEnv } from '../../test/harness.js';
import { patternPng } from '../../test/images.js';
import { createBank, importEntries } from '../bankService.js';
import { cliActor, systemActor } from '../deps.js';
import { ingestItems } from '../itemService.js';
import { processImage } from './images.js';

// What a crawled image does beyond its own row: its hashes join the item (so ads sharing a photo link into a
// network) and a bank match files one automatic hotline report, which puts the item in the review queue.
describe.each(DIALECTS)('crawled images on %s', (dialect) => {
  let env: TestEnv;
  let runtime: Runtime;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    runtime = await openRuntime(env.config);
  });
  afterAll(async () => {
    await runtime.close();
    await env.cleanup();
  });

  const newItem = async (n: number) => {
    const { counts } = await ingestItems(runtime.deps, systemActor, [{ source: 'crawl', url: `https://anuncios.ejemplo.test/ad/${n}`, title: `Anuncio ${n}`, text: 'Texto inventado de prueba' }], { defaultSource: 'crawl' });
    return counts.items[0]!.id;
  };
  const record = async (bytes: Buffer, itemId: string, capture: string) =>
    (await processImage(runtime.deps, bytes)).record(runtime.deps, { itemId, captureId: capture, url: `https://anuncios.ejemplo.test/img/${capture}.png` });

  it('adds the image hashes to the item, once, and files one automatic report when a bank knows the image', async () => {
    const known = await patternPng(41);
    const other = await patternPng(42);
    const bank = await createBank(runtime.deps, cliActor, { name: 'conocidas' });
    await importEntries(runtime.deps, cliActor, bank.id, `sha256:${createHash('sha256').update(known).digest('hex')}\n`, { format: 'lines' });

    const plain = await newItem(1);
    await record(other, plain, 'c1');
    await record(other, plain, 'c1-again');
    const refs = JSON.parse((await runtime.deps.db.selectFrom('item').select('media_refs').where('id', '=', plain).executeTakeFirstOrThrow()).media_refs) as string[];
    expect(refs.filter((r) => r.startsWith('sha256:'))).toEqual([`sha256:${createHash('sha256').update(other).digest('hex')}`]);
    expect(refs.filter((r) => r.startsWith('pdq:'))).toHaveLength(1);
    expect(await runtime.deps.db.selectFrom('hotline_report').select('id').where('item_id', '=', plain).execute()).toEqual([]);
    if (dialect === 'sqlite') {
      // The item's networks are updated by a job of their own, once per image.
      const jobs = await runtime.deps.db.selectFrom('job').select('job_key').where('task', '=', 'networks.updateForItem').where('job_key', 'like', `%${plain}:media:%`).execute();
      expect(jobs).toHaveLength(1);
    }

    const matched = await newItem(2);
    await record(known, matched, 'c2');
    await record(known, matched, 'c3');
    const reports = await runtime.deps.db.selectFrom('hotline_report').selectAll().where('item_id', '=', matched).execute();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ channel: 'automatic' });
    const subject = await runtime.deps.db.selectFrom('hotline_subject').selectAll().where('id', '=', reports[0]!.subject_id).executeTakeFirstOrThrow();
    expect(subject).toMatchObject({ url: 'https://anuncios.ejemplo.test/ad/2', status: 'open' });
  });
});
