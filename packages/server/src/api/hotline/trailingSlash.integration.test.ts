import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxDeliverTask } from '../../jobs/tasks/outboxDeliver.js';
import { DIALECTS, startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { startFixtureHost, startSmtpCapture, type FixtureHost, type SmtpCapture } from '../../test/hotline.js';

// A reported `…/ad/123/` must stay `…/ad/123/`: the subject URL is what removal checks fetch and what notices
// name, and on this host (as on many) the address without the slash is a 404.
describe.each(DIALECTS)('hotline subject URLs keep their trailing slash on %s', (dialect) => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let host: FixtureHost;
  let admin: Session;
  let analyst: Session;
  let partnerKey: string;
  let withSlash: string;
  let withoutSlash: string;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    host = await startFixtureHost(['/ad/123/']);
    t = await startTestApp(dialect, { CENTINELA_SMTP_URL: smtp.url, CENTINELA_CRAWL_ALLOW_PRIVATE: '127.0.0.1' });
    admin = await t.admin();
    analyst = (await t.userWithRoles(['analyst'])).session;
    partnerKey = (await t.as(admin, 'POST', '/api/v1/api-keys', { name: 'Plataforma Ejemplo', scopes: ['reports:write'] })).json().secret;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await host.close();
  });

  const report = (url: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { authorization: `Bearer ${partnerKey}` }, payload: { url, description: 'An ad seen on our platform', childInvolved: false } });
  const subjectUrl = async (id: string) => (await t.runtime.deps.db.selectFrom('hotline_subject').select('url').where('id', '=', id).executeTakeFirstOrThrow()).url;

  it('stores the reported URL with its trailing slash, and the URL without it as another subject', async () => {
    const first = await report(`${host.base}/ad/123/?utm_source=chat&fbclid=x#photos`);
    expect(first.statusCode).toBe(201);
    withSlash = first.json().subjectId;
    expect(await subjectUrl(withSlash)).toBe(`${host.base}/ad/123/`);
    const again = await report(`HTTP://127.0.0.1:${host.port}/ad/123/?igshid=y`);
    expect(again.json()).toMatchObject({ subjectId: withSlash, newSubject: false });
    const report2 = await t.runtime.deps.db.selectFrom('hotline_report').select('url').where('subject_id', '=', withSlash).execute();
    expect(report2.map((r) => r.url)).toEqual([`${host.base}/ad/123/`, `${host.base}/ad/123/`]);

    const other = await report(`${host.base}/ad/123`);
    expect(other.json().newSubject).toBe(true);
    withoutSlash = other.json().subjectId;
    expect(await subjectUrl(withoutSlash)).toBe(`${host.base}/ad/123`);
  });

  it('names the URL with its slash in the notice to the hosting provider', async () => {
    const provider = await t.as(admin, 'POST', '/api/v1/hotline/providers', { name: 'Hosting Ejemplo', ipRanges: ['127.0.0.0/8'], abuseEmail: 'abuse@hosting.example', country: 'CO', language: 'en' });
    expect(provider.statusCode).toBe(201);
    expect((await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${withSlash}/claim`)).statusCode).toBe(200);
    const decided = await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${withSlash}/decisions`, {
      classification: 'trafficking',
      traffickingIndicators: ['third_party_control'],
      legalBasis: 'Ley 985 de 2005',
    });
    expect(decided.statusCode).toBe(201);
    const sent = await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${withSlash}/notices`);
    expect(sent.statusCode).toBe(201);
    await outboxDeliverTask.run({ messageId: sent.json().outboxId }, { deps: t.runtime.deps, jobId: 'test', workerId: 'test', attempt: 1 });
    expect(smtp.messages).toHaveLength(1);
    const text = smtp.messages[0]!.text;
    expect(text).toContain(`${host.base}/ad/123/`);
    // Every mention of the page carries the slash.
    expect(text).not.toMatch(/\/ad\/123(?!\/)/);
  });

  it('checks removal at the URL with the slash: present (200), not gone (the slashless URL is a 404)', async () => {
    host.requests.length = 0;
    const check = await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${withSlash}/check`);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ state: 'present', httpStatus: 200, removed: false });
    expect(host.requests).toEqual([{ method: 'GET', path: '/ad/123/' }]);
    const s = await t.runtime.deps.db.selectFrom('hotline_subject').select(['removed_at', 'last_check_state', 'status']).where('id', '=', withSlash).executeTakeFirstOrThrow();
    expect(s).toMatchObject({ removed_at: null, last_check_state: 'present', status: 'actioned' });
    const checks = await t.runtime.deps.db.selectFrom('hotline_check').select(['state', 'http_status']).where('subject_id', '=', withSlash).execute();
    expect(checks).toEqual([{ state: 'present', http_status: 200 }]);

    // The fixture does tell the two apart: the subject without the slash is gone.
    const slashless = await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${withoutSlash}/check`);
    expect(slashless.json()).toMatchObject({ state: 'gone', httpStatus: 404, removed: true });
    expect(host.requests.at(-1)).toEqual({ method: 'GET', path: '/ad/123' });

    // Taken down for real: now the subject with the slash records its removal.
    host.present.delete('/ad/123/');
    expect((await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${withSlash}/check`)).json()).toMatchObject({ state: 'gone', httpStatus: 404, removed: true });
  });
});
