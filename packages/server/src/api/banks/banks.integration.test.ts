import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, DIALECTS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

const pdq = (n: number) => n.toString(16).padStart(4, '0').repeat(16);
const md5 = (n: number) => n.toString(16).padStart(32, '0');
const sha = (n: number) => n.toString(16).padStart(64, 'e');

describe.each(DIALECTS)('hash banks through the API on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let analyst: Session;

  const importText = (id: string, text: string, query = '', contentType = 'text/plain') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/banks/${id}/import${query}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType },
      payload: text,
    });
  const entryCount = async (bankId: string) =>
    Number((await t.runtime.deps.db.selectFrom('hash_bank_entry').select(({ fn }) => fn.countAll().as('n')).where('bank_id', '=', bankId).executeTakeFirstOrThrow()).n);
  const create = async (name: string) => (await t.as(admin, 'POST', '/api/v1/banks', { name })).json().bank as { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.admin();
    analyst = (await t.userWithRoles(['analyst'])).session;
  });
  afterAll(() => t.close());

  it('creates, lists, reads, renames, disables and deletes a bank, auditing each change', async () => {
    const res = await t.as(admin, 'POST', '/api/v1/banks', { name: 'Known images', description: 'invented test bank' });
    expect(res.statusCode).toBe(201);
    const bank = res.json().bank;
    expect(bank).toMatchObject({ name: 'Known images', enabled: true, entryCount: 0, createdBy: `user:${admin.userId}`, createdByName: ADMIN_EMAIL });
    expect((await t.as(admin, 'POST', '/api/v1/banks', { name: 'Known images' })).json().code).toBe('bank.name_taken');
    expect((await t.as(admin, 'POST', '/api/v1/banks', { name: '../etc' })).json().code).toBe('bank.invalid_name');

    const list = await t.as(analyst, 'GET', '/api/v1/banks');
    expect(list.json().banks.map((b: { name: string }) => b.name)).toContain('Known images');
    expect((await t.as(analyst, 'GET', `/api/v1/banks/${bank.id}`)).json().bank.id).toBe(bank.id);
    expect((await t.as(analyst, 'POST', '/api/v1/banks', { name: 'nope' })).statusCode).toBe(403);

    const patched = await t.as(admin, 'PATCH', `/api/v1/banks/${bank.id}`, { name: 'Known images 2', enabled: false });
    expect(patched.json().bank).toMatchObject({ name: 'Known images 2', enabled: false });
    expect((await t.as(admin, 'DELETE', `/api/v1/banks/${bank.id}`)).statusCode).toBe(204);
    expect((await t.as(admin, 'GET', `/api/v1/banks/${bank.id}`)).statusCode).toBe(404);

    const actions = (await t.runtime.deps.db.selectFrom('audit_log').select(['action', 'target_id']).where('target_id', '=', bank.id).orderBy('seq').execute()).map((r) => r.action);
    expect(actions).toEqual(['bank.create', 'bank.update', 'bank.delete']);
  });

  it('imports one hash per line with dedupe counts, and the bank grows only by new hashes', async () => {
    const bank = await create('lines bank');
    const text = [pdq(1), pdq(2), pdq(1).toUpperCase(), md5(3), `sha256:${sha(4)}`, '', '# comment'].join('\n');
    const first = await importText(bank.id, text, '?category=test-cat&source=invented');
    expect(first.statusCode).toBe(200);
    expect(first.json().report).toEqual({ read: 5, added: 4, duplicates: 1, invalid: [], invalidCount: 0 });
    const again = await importText(bank.id, `${pdq(2)}\n${pdq(5)}\n`);
    expect(again.json().report).toMatchObject({ read: 2, added: 1, duplicates: 1 });
    expect(await entryCount(bank.id)).toBe(5);
    const entries = (await t.as(analyst, 'GET', `/api/v1/banks/${bank.id}/entries?limit=10`)).json().entries;
    expect(entries.find((e: { hash: string }) => e.hash === pdq(1))).toMatchObject({ signalType: 'pdq', category: 'test-cat', source: 'invented', enabled: true, addedByName: ADMIN_EMAIL });
    expect(entries.filter((e: { signalType: string }) => e.signalType === 'sha256')).toHaveLength(1);
    const audit = await t.runtime.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'bank.import').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toEqual({ format: 'lines', read: 2, added: 1, duplicates: 1, invalid: 0 });
    expect(audit.details).not.toContain(pdq(5)); // counts, never hashes
  });

  it('rejects a file with invalid lines as a whole, naming each line, unless skipInvalid', async () => {
    const bank = await create('strict bank');
    const text = `${pdq(10)}\nzz-not-hex\n${pdq(11)}\n${'a'.repeat(63)}\n`;
    const res = await importText(bank.id, text);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('bank.import_invalid');
    expect(res.json().report).toMatchObject({ read: 4, added: 0, invalidCount: 2 });
    expect(res.json().report.invalid).toEqual([
      { line: 2, code: 'hash_not_hex', params: {}, reason: 'the hash is not hexadecimal' },
      { line: 4, code: 'hash_length', params: { type: 'pdq', expected: 64, actual: 63 }, reason: 'a pdq hash has 64 hex digits, not 63' },
    ]);
    expect(await entryCount(bank.id)).toBe(0); // nothing half-written
    const skipped = await importText(bank.id, text, '?skipInvalid=true');
    expect(skipped.json().report).toMatchObject({ read: 4, added: 2, duplicates: 0, invalidCount: 2 });
    expect(await entryCount(bank.id)).toBe(2);
  });

  it('imports CSV (with and without header) and ThreatExchange files', async () => {
    const bank = await create('csv bank');
    const csv = `hash,category,source,note\n${pdq(20)},cat-a,partner-1,"first, invented"\n${md5(21)},cat-b,,\n`;
    expect((await importText(bank.id, csv, '', 'text/csv')).json().report).toMatchObject({ read: 2, added: 2 });
    expect((await importText(bank.id, `${pdq(22)},cat-c,partner-2,n\n${pdq(20)},dup,,\n`, '?format=csv')).json().report).toMatchObject({ read: 2, added: 1, duplicates: 1 });
    const te = await importText(bank.id, `${pdq(23)},100,te-1\n${pdq(24)},72,te-2\n`, '?format=te');
    expect(te.json().report).toMatchObject({ read: 2, added: 2 });
    const entries = (await t.as(admin, 'GET', `/api/v1/banks/${bank.id}/entries`)).json().entries as Array<Record<string, unknown>>;
    expect(entries.find((e) => e.hash === pdq(20))).toMatchObject({ category: 'cat-a', source: 'partner-1', note: 'first, invented' });
    expect(entries.find((e) => e.hash === pdq(24))).toMatchObject({ quality: 72, externalId: 'te-2' });
  });

  it('exports in every format so that importing the export reproduces the bank', async () => {
    const bank = await create('round trip');
    await importText(bank.id, `${pdq(30)},cat,"src, x",note\n${md5(31)},,,\nsha256:${sha(32)},c2,,\n`, '?format=csv');
    await importText(bank.id, `${pdq(33)},88,te-33\n`, '?format=te');
    const original = (await t.as(admin, 'GET', `/api/v1/banks/${bank.id}/entries`)).json().entries as Array<Record<string, unknown>>;
    const shape = (e: Record<string, unknown>) => `${e.signalType}:${e.hash}`;
    for (const format of ['lines', 'csv', 'te'] as const) {
      const exported = await t.as(analyst, 'GET', `/api/v1/banks/${bank.id}/export?format=${format}`);
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toContain(format === 'csv' ? 'text/csv' : 'text/plain');
      const copy = await create(`copy ${format}`);
      const report = (await importText(copy.id, exported.body, `?format=${format}`)).json().report;
      const copied = (await t.as(admin, 'GET', `/api/v1/banks/${copy.id}/entries`)).json().entries as Array<Record<string, unknown>>;
      const expected = format === 'te' ? original.filter((e) => e.signalType === 'pdq') : original;
      expect(report.added).toBe(expected.length);
      expect(copied.map(shape).sort()).toEqual(expected.map(shape).sort());
      if (format === 'csv') expect(copied.find((e) => e.hash === pdq(30))).toMatchObject({ source: 'src, x', note: 'note' });
      if (format === 'te') expect(copied.find((e) => e.hash === pdq(33))).toMatchObject({ quality: 88, externalId: 'te-33' });
    }
  });

  it('pages entries by key and disables one entry', async () => {
    const bank = await create('paged');
    await importText(bank.id, Array.from({ length: 25 }, (_, i) => pdq(100 + i)).join('\n'));
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 5; page++) {
      const res = (await t.as(admin, 'GET', `/api/v1/banks/${bank.id}/entries?limit=10${after ? `&after=${after}` : ''}`)).json();
      seen.push(...res.entries.map((e: { id: string }) => e.id));
      if (!res.next) break;
      after = res.next;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const off = await t.as(admin, 'PATCH', `/api/v1/banks/${bank.id}/entries/${seen[3]}`, { enabled: false });
    expect(off.json().entry).toMatchObject({ id: seen[3], enabled: false });
    expect((await t.as(admin, 'PATCH', `/api/v1/banks/${bank.id}/entries/00000000-0000-4000-8000-000000000000`, { enabled: false })).statusCode).toBe(404);
  });

  it('bad import requests get stable codes and change nothing', async () => {
    const bank = await create('bad input');
    const unknown = await importText('00000000-0000-4000-8000-000000000000', pdq(1));
    expect(unknown.statusCode).toBe(404);
    expect((await importText(bank.id, pdq(1), '?format=xml')).json().code).toBe('validation.failed');
    const wrongType = await importText(bank.id, '<x/>', '', 'application/xml');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().code).toBe('request.unsupported_media_type');
    const big = await t.app.inject({
      method: 'POST',
      url: `/api/v1/banks/${bank.id}/import`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/plain', 'content-length': String(60 * 1024 * 1024) },
      payload: pdq(1),
    });
    expect(big.statusCode).toBe(413);
    expect((await t.as(admin, 'GET', `/api/v1/banks/${bank.id}/export?format=pdf`)).statusCode).toBe(400);
    expect(await entryCount(bank.id)).toBe(0);
  });
});
