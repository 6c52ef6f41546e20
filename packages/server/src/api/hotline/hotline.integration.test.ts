import { OUTBOX_MAX_ATTEMPTS } from '../../outbox/outboxService.js';
import { deriveSubjectStatus, type ReviewClassification, type SubjectEventType } from '@centinela/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxDeliverTask } from '../../jobs/tasks/outboxDeliver.js';
import { deliverOutboxMessage } from '../../outbox/outboxService.js';
import { configuredTransports } from '../../outbox/transports.js';
import { validateAuthorityXml } from '../../services/hotline/authorityReport.js';
import { onHotlineMessageSent } from '../../services/hotline/noticeService.js';
import { onlineCounts } from '../../services/hotline/onlineCounts.js';
import { runHotlineSweep } from '../../services/hotline/sweep.js';
import { defaultUrlChecker } from '../../services/hotline/removalService.js';
import { DIALECTS, startTestApp, USER_PASSWORD, type Session, type TestApp } from '../../test/harness.js';
import { formToken, multipart, startFixtureHost, startSmtpCapture, type FixtureHost, type SmtpCapture } from '../../test/hotline.js';
import { patternPng } from '../../test/images.js';
import { createHash } from 'node:crypto';
import { createBank, importEntries } from '../../services/bankService.js';
import { cliActor } from '../../services/deps.js';

const HOUR = 3_600_000;

describe.each(DIALECTS)('hotline end to end on %s', (dialect) => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let host: FixtureHost;
  let admin: Session;
  let analyst: Session;
  let investigator: Session;
  let statistician: Session;
  let partnerKey: string;
  const emails: Record<'analyst' | 'investigator' | 'statistician', string> = { analyst: '', investigator: '', statistician: '' };
  /** The test clock jumps days ahead; sessions expire like real ones, so sign in again. */
  const signInAgain = async () => {
    admin = await t.admin();
    analyst = await t.login(emails.analyst, USER_PASSWORD);
    investigator = await t.login(emails.investigator, USER_PASSWORD);
    statistician = await t.login(emails.statistician, USER_PASSWORD);
  };
  let subjectId: string;
  let reference: string;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    host = await startFixtureHost(['/abuse/page-1', '/abuse/page-2']);
    t = await startTestApp(dialect, { CENTINELA_SMTP_URL: smtp.url, CENTINELA_CRAWL_ALLOW_PRIVATE: '127.0.0.1', CENTINELA_HOTLINE_NAME: 'Línea Ejemplo' });
    admin = await t.admin();
    const a = await t.userWithRoles(['analyst']);
    analyst = a.session;
    emails.analyst = a.email;
    const i = await t.userWithRoles(['investigator']);
    investigator = i.session;
    emails.investigator = i.email;
    const st = await t.userWithRoles(['statistician']);
    statistician = st.session;
    emails.statistician = st.email;
    partnerKey = (await t.as(admin, 'POST', '/api/v1/api-keys', { name: 'Plataforma Ejemplo', scopes: ['reports:write'] })).json().secret;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await host.close();
  });

  // The real removal check: the crawler's recheck through safeFetch, the fixture host allow-listed above.
  const checker = () => defaultUrlChecker(t.runtime.deps, t.runtime.blobs);
  const sweep = () => runHotlineSweep(t.runtime.deps, { checker: checker(), transports: configuredTransports(t.env.config) });
  const deliver = (messageId: string) =>
    outboxDeliverTask.run({ messageId }, { deps: t.runtime.deps, jobId: 'test', workerId: 'test', attempt: 1 });

  it('takes a public report without JavaScript, stores no IP address, and answers with a reference and a status page', async () => {
    const form = await t.app.inject({ method: 'GET', url: '/report', headers: { 'accept-language': 'es-CO,es;q=0.9' } });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toContain('text/html');
    expect(form.headers['content-security-policy']).toContain("script-src 'self'");
    expect(form.body).toContain('<html lang="es">');
    expect(form.body).not.toContain('<script');
    expect(form.body).not.toMatch(/style="/);
    expect(Buffer.byteLength(form.body)).toBeLessThan(12_000);
    t.clock.advance(10_000); // a person takes a while to fill the form
    const body = multipart(
      {
        lang: 'es',
        token: formToken(form.body),
        website: '',
        url: `${host.base}/abuse/page-1?utm_source=chat`,
        platform: 'web',
        description: 'Fotos de una niña en una página de anuncios',
        child: 'yes',
        anonymity: 'contact',
        contact: 'denunciante@example.org',
      },
      [{ name: 'files', filename: 'captura.png', type: 'image/png', bytes: await patternPng(7) }],
    );
    const res = await t.app.inject({ method: 'POST', url: '/report', ...body, remoteAddress: '203.0.113.77' });
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    reference = new URL(location, 'http://x').searchParams.get('ref')!;
    expect(reference).toMatch(/^R-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const status = await t.app.inject({ method: 'GET', url: location });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain(reference);
    expect(status.body).toContain('Recibida, pendiente de evaluación');
    expect(status.body).toContain('Gracias');

    const db = t.runtime.deps.db;
    const reports = await db.selectFrom('hotline_report').selectAll().execute();
    expect(reports).toHaveLength(1);
    subjectId = reports[0]!.subject_id;
    // No IP anywhere: not in the report, not in the audit.
    expect(JSON.stringify(reports)).not.toContain('203.0.113.77');
    expect(reports[0]!.contact_sealed).not.toContain('denunciante');
    const audit = await db.selectFrom('audit_log').select(['ip', 'action']).where('action', '=', 'hotline.report').execute();
    expect(audit).toEqual([{ ip: null, action: 'hotline.report' }]);
    const media = await db.selectFrom('hotline_media').selectAll().execute();
    expect(media).toHaveLength(1);
    expect(media[0]).toMatchObject({ mime: 'image/png' });
    expect(media[0]!.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(media[0]!.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.runtime.blobs.has(media[0]!.sha256)).toBe(true);
    // The reference reveals only the coarse status, in either language.
    const en = await t.app.inject({ method: 'GET', url: `/report/status?lang=en&ref=${reference}` });
    expect(en.body).toContain('Received, waiting for assessment');
    expect(en.body).not.toContain('niña');
    expect((await t.app.inject({ method: 'GET', url: '/report/status?ref=R-0000-0000' })).statusCode).toBe(404);
  });

  it('attaches a partner report of the same URL (written differently) to the same subject', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { authorization: `Bearer ${partnerKey}` },
      payload: { url: `HTTP://127.0.0.1:${host.port}/abuse/page-1?fbclid=abc#top`, description: 'Reported by our trust and safety team', language: 'en' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ subjectId, newSubject: false });
    const s = await t.runtime.deps.db.selectFrom('hotline_subject').selectAll().where('id', '=', subjectId).executeTakeFirstOrThrow();
    expect(s).toMatchObject({ report_count: 2, child_involved: 1, status: 'open' });
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { authorization: `Bearer ${partnerKey}` },
      payload: { url: `${host.base}/abuse/page-2`, childInvolved: false },
    });
    expect(other.json().newSubject).toBe(true);
  });

  it('takes partner files by multipart, matches them against the banks, and dedupes reports of the same file', async () => {
    const png = await patternPng(21);
    const md5 = createHash('md5').update(png).digest('hex');
    const bank = await createBank(t.runtime.deps, cliActor, { name: 'known-material' });
    await importEntries(t.runtime.deps, cliActor, bank.id, `md5:${md5}\n`, { format: 'lines', category: 'test-pattern' });
    const send = () => {
      const body = multipart({ description: 'A file seen on our platform', childInvolved: 'false' }, [{ name: 'files', filename: 'f.png', type: 'image/png', bytes: png }]);
      return t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { authorization: `Bearer ${partnerKey}`, ...body.headers }, payload: body.payload });
    };
    const first = await send();
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ newSubject: true, bankMatches: 1 });
    const second = await send();
    expect(second.json()).toMatchObject({ newSubject: false, subjectId: first.json().subjectId });
    const s = await t.runtime.deps.db.selectFrom('hotline_subject').selectAll().where('id', '=', first.json().subjectId).executeTakeFirstOrThrow();
    expect(s).toMatchObject({ kind: 'media', bank_match: 1, report_count: 2, priority: 500 });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { authorization: `Bearer ${partnerKey}`, 'content-type': 'application/json' },
      payload: { url: 'https://a:b@x.example/' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('report.url_credentials');
  });

  it('orders the queue by priority, lets one reviewer claim, and shows signals with explanations', async () => {
    const queue = await t.as(analyst, 'GET', '/api/v1/hotline/queue');
    expect(queue.statusCode).toBe(200);
    const q = queue.json();
    expect(q.subjects[0].id).toBe(subjectId); // a child involved comes first
    expect(q.subjects[1].bankMatch).toBe(true); // then the bank match
    expect(q.counts).toMatchObject({ open: 3, assessed: 0 });
    expect((await t.as(analyst, 'GET', '/api/v1/hotline/queue?childInvolved=false')).json().subjects).toHaveLength(2);

    expect((await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${subjectId}/claim`)).statusCode).toBe(200);
    const other = await t.userWithRoles(['analyst']);
    const refused = await t.as(other.session, 'POST', `/api/v1/hotline/subjects/${subjectId}/claim`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('hotline.already_claimed');
    expect((await t.as(analyst, 'GET', '/api/v1/hotline/queue?assigned=me')).json().subjects.map((s: { id: string }) => s.id)).toEqual([subjectId]);

    const detail = (await t.as(analyst, 'GET', `/api/v1/hotline/subjects/${subjectId}`)).json();
    expect(detail.signals.map((s: { kind: string }) => s.kind)).toContain('child_involved');
    expect(detail.reports).toHaveLength(2);
    expect(detail.reports[0].contact).toBe('denunciante@example.org');
    expect(detail.media).toHaveLength(1);
    const preview = await t.as(analyst, 'GET', `/api/v1/hotline/media/${detail.media[0].id}/content?view=blurred`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('image/jpeg');
    expect(preview.rawPayload.length).toBeLessThan(10_000);
    const reveal = await t.as(analyst, 'GET', `/api/v1/hotline/media/${detail.media[0].id}/content`);
    expect(reveal.statusCode).toBe(200);
    expect(reveal.headers['content-type']).toBe('image/png');
    expect(reveal.headers['cache-control']).toBe('no-store');
    const audited = await t.runtime.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'hotline.media.reveal').execute();
    expect(audited).toHaveLength(1);
  });

  it('records a decision, adds the confirmed hashes to a bank, and keeps unshared notes from investigators', async () => {
    const bank = (await t.as(admin, 'POST', '/api/v1/banks', { name: 'hotline-confirmed' })).json();
    const bankId = bank.bank?.id ?? bank.id;
    const noInterpol = await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${subjectId}/decisions`, { classification: 'csam', legalBasis: 'Ley 1098 art. 218' });
    expect(noInterpol.statusCode).toBe(400);
    expect(noInterpol.json().code).toBe('hotline.interpol_required');
    const res = await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${subjectId}/decisions`, {
      classification: 'csam',
      interpolCategory: 'baseline',
      legalBasis: 'Ley 1098 art. 218',
      note: 'Nota interna del revisor',
      addToBankId: bankId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'assessed', addedToBank: 3 });
    const entries = await t.runtime.deps.db.selectFrom('hash_bank_entry').select(['signal_type', 'category']).where('bank_id', '=', bankId).execute();
    expect(entries.map((e) => e.signal_type).sort()).toEqual(['md5', 'pdq', 'sha256']);
    expect(entries.every((e) => e.category === 'csam-baseline')).toBe(true);

    const asInvestigator = (await t.as(investigator, 'GET', `/api/v1/hotline/subjects/${subjectId}`)).json();
    expect(asInvestigator.decisions[0].note).toBeNull();
    expect(asInvestigator.reports[0].contact).toBeNull();
    expect((await t.as(analyst, 'GET', `/api/v1/hotline/subjects/${subjectId}`)).json().decisions[0].note).toBe('Nota interna del revisor');
    expect((await t.as(statistician, 'GET', `/api/v1/hotline/subjects/${subjectId}`)).statusCode).toBe(403);
    expect((await t.as(statistician, 'GET', '/api/v1/hotline/queue')).statusCode).toBe(403);
    // Investigators read the queue but cannot act on it.
    expect((await t.as(investigator, 'GET', '/api/v1/hotline/queue')).statusCode).toBe(200);
    expect((await t.as(investigator, 'POST', `/api/v1/hotline/subjects/${subjectId}/release`)).statusCode).toBe(403);
    expect((await t.as(investigator, 'GET', `/api/v1/hotline/media/${asInvestigator.media[0].id}/content`)).statusCode).toBe(403);
  });

  it('sends the notice by e-mail through the outbox, re-sends it while the content stays, and records the removal', async () => {
    const noProvider = await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${subjectId}/notices`);
    expect(noProvider.statusCode).toBe(409);
    expect(noProvider.json().code).toBe('notice.no_provider');
    const provider = await t.as(admin, 'POST', '/api/v1/hotline/providers', {
      name: 'Hosting {{hotline}} <b>Ejemplo</b>',
      ipRanges: ['127.0.0.0/8'],
      abuseEmail: 'abuse@hosting.example',
      country: 'CO',
      language: 'es',
    });
    expect(provider.statusCode).toBe(201);

    const reportedAt = (await t.runtime.deps.db.selectFrom('hotline_subject').select('first_reported_at').where('id', '=', subjectId).executeTakeFirstOrThrow()).first_reported_at;
    t.clock.advance(2 * HOUR);
    const sent = await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${subjectId}/notices`);
    expect(sent.statusCode).toBe(201);
    const { outboxId, round } = sent.json();
    expect(round).toBe(1);
    await deliver(outboxId);
    await deliver(outboxId); // a rerun of the job sends nothing more
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.to).toEqual(['abuse@hosting.example']);
    expect(mail.raw).toContain('Aviso de contenido ilegal');
    expect(mail.raw).toContain(`127.0.0.1:${host.port}/abuse/page-1`);
    expect(mail.raw).toContain('material de abuso sexual infantil');
    // The provider's name is text, not a template or markup.
    expect(mail.raw).toContain('Hosting {{hotline}}');
    expect(mail.raw).toContain('&lt;b&gt;Ejemplo&lt;/b&gt;');
    expect(mail.raw).not.toContain('<b>Ejemplo</b></pre>');

    const afterNotice = (await t.as(analyst, 'GET', `/api/v1/hotline/subjects/${subjectId}`)).json();
    expect(afterNotice.subject.status).toBe('actioned');
    expect(afterNotice.notices).toMatchObject([{ round: 1, status: 'sent', channel: 'email' }]);
    expect(afterNotice.events.map((e: { type: string }) => e.type)).toEqual(['reported', 'reported', 'claimed', 'decided', 'notice_queued', 'notice_sent']);

    // Not due yet: nothing happens.
    expect(await sweep()).toMatchObject({ checked: 0, renoticed: 0 });
    // 24 hours later the page is still there: a second notice.
    t.clock.advance(25 * HOUR);
    expect(await sweep()).toMatchObject({ checked: 1, removed: 0, renoticed: 1, delivered: 1 });
    expect(smtp.messages).toHaveLength(2);
    expect(smtp.messages[1]!.text).toContain('aviso número 2');

    // The host takes it down; the next check records the removal and closes the subject.
    host.present.delete('/abuse/page-1');
    t.clock.advance(25 * HOUR);
    const removedAt = t.clock.now().toISOString();
    expect(await sweep()).toMatchObject({ checked: 1, removed: 1, renoticed: 0 });
    const closed = await t.runtime.deps.db.selectFrom('hotline_subject').selectAll().where('id', '=', subjectId).executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ status: 'closed', removed_at: removedAt, next_check_at: null });
    t.clock.advance(25 * HOUR);
    expect(await sweep()).toMatchObject({ checked: 0 });
    expect(smtp.messages).toHaveLength(2);
    const status = await t.app.inject({ method: 'GET', url: `/report/status?lang=en&ref=${reference}` });
    expect(status.body).toContain('Closed');
    await signInAgain();

    // The metrics show the times the clock says.
    const m = await t.as(statistician, 'GET', '/api/v1/hotline/metrics');
    expect(m.statusCode).toBe(200);
    const metrics = m.json();
    const expectedRemoval = Date.parse(removedAt) - Date.parse(reportedAt);
    expect(metrics.overall.toRemoval).toEqual({ count: 1, medianMs: expectedRemoval, p90Ms: expectedRemoval });
    expect(metrics.overall.toNotice.medianMs).toBe(Date.parse(closed.first_notice_at!) - Date.parse(reportedAt));
    expect(metrics.overall.noticeToRemoval.medianMs).toBe(Date.parse(removedAt) - Date.parse(closed.first_notice_at!));
    expect(metrics.byCountry.map((r: { key: string }) => r.key)).toEqual(['CO']);
    expect(metrics.byProvider[0].key).toBe('Hosting {{hotline}} <b>Ejemplo</b>');
    expect(metrics.counts.closed).toBe(1);
    const csv = await t.as(statistician, 'GET', '/api/v1/hotline/metrics?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[1]).toMatch(/^overall,all,3,/);
    expect(JSON.stringify(metrics)).not.toContain('abuse/page');

    const counts = await onlineCounts(t.runtime.deps);
    expect(counts).toMatchObject({ reports: { total: 5, public: 1, partner: 4, automatic: 0 }, subjects: 3, confirmedUrls: 1, confirmedByClassification: { csam: 1 }, noticesSent: 2, removals: 1 });
  });

  it('builds an authority report that validates against the XSD, in XML and JSON, and sends it through the outbox', async () => {
    const res = await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${subjectId}/authority-reports`, {
      authority: 'Policía Nacional — Centro Cibernético',
      reportedPerson: { platform: 'Anuncios Ejemplo', screenName: 'vendedor_ficticio' },
      deliver: { email: 'cybertips@policia.example' },
    });
    expect(res.statusCode).toBe(201);
    const { id, outboxId, report } = res.json();
    expect(report.incidentSummary).toMatchObject({ incidentType: 'child_sexual_abuse_material', childInvolved: true, reportCount: 2 });
    expect(report.files.file[0]).toMatchObject({ mimeType: 'image/png', reviewedByHuman: true, fileClassification: { classification: 'csam', interpolCategory: 'baseline' } });
    expect(report.files.file[0].sha1).toMatch(/^[0-9a-f]{40}$/);
    const xml = await t.as(investigator, 'GET', `/api/v1/hotline/authority-reports/${id}?format=xml`);
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(xml.body).toContain('<authorityReport xmlns="urn:centinela:authority-report:1" version="1">');
    expect(xml.body).toContain('Policía Nacional — Centro Cibernético');
    expect(await validateAuthorityXml(xml.body)).toEqual({ valid: true, errors: [] });
    // A tampered document does not validate.
    expect((await validateAuthorityXml(xml.body.replace('<md5>', '<md5>zz'))).valid).toBe(false);
    const listed = (await t.as(analyst, 'GET', `/api/v1/hotline/subjects/${subjectId}`)).json().authorityReports;
    expect(listed).toMatchObject([{ id, authority: 'Policía Nacional — Centro Cibernético', incidentType: 'child_sexual_abuse_material', delivery: 'pending' }]);
    await deliver(outboxId);
    const mail = smtp.messages.at(-1)!;
    expect(mail.to).toEqual(['cybertips@policia.example']);
    expect(mail.raw).toContain(`${id}.xml`);
    expect(mail.raw).toContain(`${id}.json`);
  });

  it('exchanges confirmed URLs with another hotline as CSV and JSON, all or nothing on import', async () => {
    const csv = await t.as(analyst, 'GET', '/api/v1/hotline/exchange?includeRemoved=true');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('url,classification,interpol_category,host,hosting_country,first_reported_at,assessed_at,removed_at,reference');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`127.0.0.1:${host.port}/abuse/page-1,csam,baseline,127.0.0.1,CO,`);
    // Removed content is left out by default.
    expect((await t.as(analyst, 'GET', '/api/v1/hotline/exchange')).body.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse((await t.as(analyst, 'GET', '/api/v1/hotline/exchange?format=json&includeRemoved=true')).body);
    expect(json).toMatchObject({ format: 'centinela-hotline-exchange', version: 1, exportedBy: 'Línea Ejemplo' });
    expect((await t.as(statistician, 'GET', '/api/v1/hotline/exchange')).statusCode).toBe(403);

    const incoming = {
      format: 'centinela-hotline-exchange',
      version: 1,
      entries: [
        { url: 'https://otro-host.example/galeria/9', classification: 'csam', interpol_category: 'baseline', reference: 'THEIRS-1' },
        { url: 'https://otro-host.example/galeria/10', classification: 'trafficking' },
      ],
    };
    const bad = { ...incoming, entries: [...incoming.entries, { url: 'https://u:p@x.example/', classification: 'csam' }] };
    const before = (await t.runtime.deps.db.selectFrom('hotline_report').select('id').execute()).length;
    const refused = await t.as(analyst, 'POST', '/api/v1/hotline/exchange', { from: 'Hotline Ejemplo (BR)', data: JSON.stringify(bad) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].path).toBe('entries[2].url');
    expect((await t.runtime.deps.db.selectFrom('hotline_report').select('id').execute()).length).toBe(before);
    const ok = await t.as(analyst, 'POST', '/api/v1/hotline/exchange', { from: 'Hotline Ejemplo (BR)', data: JSON.stringify(incoming) });
    expect(ok.json()).toEqual({ read: 2, newSubjects: 2 });
    const fromCsv = await t.as(analyst, 'POST', '/api/v1/hotline/exchange', { from: 'Hotline Ejemplo (BR)', data: 'url,classification\nhttps://otro-host.example/galeria/9,csam\n' });
    expect(fromCsv.json()).toEqual({ read: 1, newSubjects: 0 });
    const received = await t.runtime.deps.db.selectFrom('hotline_subject').selectAll().where('url', '=', 'https://otro-host.example/galeria/9').executeTakeFirstOrThrow();
    // A classification received is a signal to assess here, not a decision.
    expect(received).toMatchObject({ status: 'open', classification: null, child_involved: 1, report_count: 2 });
  });

  it('sends exactly one notice when a worker dies in the middle of sending, or two race', async () => {
    const other = (await t.as(analyst, 'GET', '/api/v1/hotline/queue')).json().subjects.find((s: { url: string }) => s.url?.endsWith('/abuse/page-2'));
    await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${other.id}/claim`);
    await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${other.id}/decisions`, {
      classification: 'trafficking',
      traffickingIndicators: ['third_party_control'],
      legalBasis: 'Ley 985 de 2005',
      note: 'Nota compartida con la policía',
      shareNote: true,
    });
    // A shared note is visible to investigators.
    expect((await t.as(investigator, 'GET', `/api/v1/hotline/subjects/${other.id}`)).json().decisions[0].note).toBe('Nota compartida con la policía');
    const { outboxId } = (await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${other.id}/notices`, { language: 'en' })).json();
    const before = smtp.messages.length;
    const db = t.runtime.deps.db;
    // Worker A claimed the message and died before sending: its lease still holds.
    const lease = new Date(t.clock.now().getTime() + 5 * 60_000).toISOString();
    await db.updateTable('outbox_message').set({ status: 'sending', lease_until: lease, attempts: 1 }).where('id', '=', outboxId).execute();
    const opts = { transports: configuredTransports(t.env.config), onSent: onHotlineMessageSent };
    expect(await deliverOutboxMessage(t.runtime.deps, outboxId, opts)).toBe('skipped');
    expect(smtp.messages.length).toBe(before);
    // The lease runs out; two workers race for it: one sends.
    t.clock.advance(6 * 60_000);
    const outcomes = await Promise.all([deliverOutboxMessage(t.runtime.deps, outboxId, opts), deliverOutboxMessage(t.runtime.deps, outboxId, opts)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    expect(smtp.messages.length).toBe(before + 1);
    expect(smtp.messages.at(-1)!.text).toContain('content with indicators of human trafficking');
    expect(await deliverOutboxMessage(t.runtime.deps, outboxId, opts)).toBe('skipped');
    expect(smtp.messages.length).toBe(before + 1);
    expect(await db.selectFrom('hotline_event').select('type').where('subject_id', '=', other.id).where('type', '=', 'notice_sent').execute()).toHaveLength(1);
  });

  it('retries a notice the relay refused, and sends it once', async () => {
    t.clock.advance(25 * HOUR);
    host.present.add('/abuse/page-2');
    smtp.failNext(1);
    const before = smtp.messages.length;
    const first = await sweep();
    expect(first.failed).toBe(1);
    const row = await t.runtime.deps.db.selectFrom('outbox_message').selectAll().where('ref_type', '=', 'hotline_notice').where('status', '=', 'failed').executeTakeFirstOrThrow();
    expect(row.last_error).toContain('451');
    t.clock.advance(60_000);
    await signInAgain();
    // Reviewers see "will retry" while attempts are left, and "gave up" once none are.
    const notice = await t.runtime.deps.db.selectFrom('hotline_notice').select('subject_id').where('outbox_id', '=', row.id).executeTakeFirstOrThrow();
    const noticeStatus = async () => (await t.as(analyst, 'GET', `/api/v1/hotline/subjects/${notice.subject_id}`)).json().notices.at(-1).status;
    expect(await noticeStatus()).toBe('failed');
    await t.runtime.deps.db.updateTable('outbox_message').set({ attempts: OUTBOX_MAX_ATTEMPTS }).where('id', '=', row.id).execute();
    expect(await noticeStatus()).toBe('gave_up');
    await t.runtime.deps.db.updateTable('outbox_message').set({ attempts: row.attempts }).where('id', '=', row.id).execute();
    const second = await sweep();
    expect(second).toMatchObject({ delivered: 1, failed: 0 });
    expect(smtp.messages.length).toBe(before + first.delivered + 1);
    // Every message the relay accepted is a different one: nothing was sent twice in this whole file.
    const ids = smtp.messages.map((m) => /^message-id: (.+)$/im.exec(m.raw)?.[1]?.trim());
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every subject’s stored status equal to the fold of its event log', async () => {
    const db = t.runtime.deps.db;
    const subjects = await db.selectFrom('hotline_subject').select(['id', 'status']).execute();
    expect(subjects.length).toBeGreaterThan(3);
    for (const sub of subjects) {
      const events = await db.selectFrom('hotline_event').select(['type', 'data', 'seq']).where('subject_id', '=', sub.id).orderBy('seq').execute();
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      const folded = deriveSubjectStatus(events.map((e) => ({ type: e.type as SubjectEventType, classification: (JSON.parse(e.data) as { classification?: ReviewClassification }).classification ?? null })));
      expect(folded, sub.id).toBe(sub.status);
    }
    // Reopening is a new event, not an edit.
    const closed = subjects.find((x) => x.status === 'closed')!;
    const before = await db.selectFrom('hotline_event').select('id').where('subject_id', '=', closed.id).execute();
    const res = await t.as(analyst, 'POST', `/api/v1/hotline/subjects/${closed.id}/reopen`, { reason: 'content back online' });
    expect(res.json()).toEqual({ status: 'open' });
    expect(await db.selectFrom('hotline_event').select('id').where('subject_id', '=', closed.id).execute()).toHaveLength(before.length + 1);
  });
});
