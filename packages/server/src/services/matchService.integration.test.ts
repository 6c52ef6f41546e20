import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { DIALECTS, startTestApp, type TestApp } from '../test/harness.js';
import { createBank, importEntries } from './bankService.js';
import { DbBankSource } from './bankSource.js';
import { cliActor } from './deps.js';
import { Matcher, matcherFor } from './matchService.js';

const hash = () => randomBytes(32).toString('hex');

describe.each(DIALECTS)('matchers refresh from the database without a restart, on %s', (dialect) => {
  let t: TestApp;
  let other: DatabaseHandle;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    other = openDatabase(t.env.config); // a second connection, as another process would have
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  it('sees an import made through the service in this process at once', async () => {
    const matcher = matcherFor(t.runtime.deps);
    const bank = await createBank(t.runtime.deps, cliActor, { name: 'same process' });
    const h = hash();
    expect((await matcher.match([{ signalType: 'pdq', hash: h }]))[0]!.status).toBe('no_match');
    await importEntries(t.runtime.deps, cliActor, bank.id, h, { format: 'lines' });
    expect((await matcher.match([{ signalType: 'pdq', hash: h }]))[0]!.status).toBe('matched');
  });

  it('sees another process’s change through the version row within the refresh interval', async () => {
    let now = 0;
    const matcher = new Matcher(new DbBankSource(other.db), { now: () => now, refreshIntervalMs: 1000 });
    const bank = await createBank(t.runtime.deps, cliActor, { name: 'other process' });
    const h = hash();
    await matcher.match([]);
    // A raw write, as another process would make it: no in-process notification.
    await t.runtime.deps.db
      .insertInto('hash_bank_entry')
      .values({ id: '00000000-0000-7000-8000-000000000001', bank_id: bank.id, signal_type: 'pdq', hash: h, quality: null, category: null, source: null, note: null, external_id: null, enabled: 1, added_by: 'test', added_at: 'x' })
      .execute();
    await t.runtime.deps.db.updateTable('hash_bank').set({ revision: sql`revision + 1` }).where('id', '=', bank.id).execute();
    await t.runtime.deps.db.updateTable('hash_bank_version').set({ version: sql`version + 1` }).where('id', '=', 1).execute();
    // Version checks are rate-limited: not seen within the interval, seen after it.
    now += 500;
    const matchedBefore = (await matcher.match([{ signalType: 'pdq', hash: h }]))[0]!.status;
    now += 600;
    const matchedAfter = (await matcher.match([{ signalType: 'pdq', hash: h }]))[0]!.status;
    expect({ matchedBefore, matchedAfter }).toEqual({ matchedBefore: 'no_match', matchedAfter: 'matched' });
  });
});
