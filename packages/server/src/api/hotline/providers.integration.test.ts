import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../services/deps.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverOutboxMessage } from '../../outbox/outboxService.js';
import { configuredTransports } from '../../outbox/transports.js';
import { onHotlineMessageSent, queueNotice } from '../../services/hotline/noticeService.js';
import { decideSubject } from '../../services/hotline/reviewService.js';
import { resolveProvider, saveProvider } from '../../services/hotline/providerService.js';
import { fileReport } from '../../services/hotline/reportService.js';
import { claimSubject } from '../../services/hotline/triageService.js';
import { analyzeItemTask } from '../../jobs/tasks/analyzeItem.js';
import { DIALECTS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(DIALECTS)('provider directory and automatic reports on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let analyst: Session;
  beforeAll(async () => {
    t = await startTestApp(dialect, { CENTINELA_AUTO_REPORT_RISK: '0.5' });
    admin = await t.admin();
    analyst = (await t.userWithRoles(['analyst'])).session;
  });
  afterAll(() => t.close());

  it('imports providers from CSV all or nothing, and only admins change the directory', async () => {
    const bad = 'name,domains,ip_ranges,abuse_email,webhook_url,country,language\nHost A,hosta.example,,abuse@hosta.example,,CO,es\nHost B,not a domain,300.1.1.1/8,,,,en\n';
    const refused = await t.as(admin, 'POST', '/api/v1/hotline/providers/import', { csv: bad });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('provider.csv_invalid');
    expect(refused.json().errors[0].path).toBe('line 3');
    expect((await t.as(admin, 'GET', '/api/v1/hotline/providers')).json().providers).toHaveLength(0);

    const csv = [
      'name,domains,ip_ranges,abuse_email,webhook_url,country,language',
      'Host A,hosta.example;cdn.hosta.example,,abuse@hosta.example,,CO,es',
      'Host B,b.example,203.0.113.0/24 2001:db8::/32,,https://hostb.example/abuse-hook,US,en',
      '"Host, C",c.example,,abuse@c.example,,,en',
    ].join('\n');
    const ok = await t.as(admin, 'POST', '/api/v1/hotline/providers/import', { csv });
    expect(ok.json()).toEqual({ read: 3, created: 3, updated: 0 });
    expect((await t.as(admin, 'POST', '/api/v1/hotline/providers/import', { csv })).json()).toEqual({ read: 3, created: 0, updated: 3 });
    expect((await t.as(analyst, 'GET', '/api/v1/hotline/providers')).json().providers.map((p: { name: string }) => p.name)).toEqual(['Host A', 'Host B', 'Host, C']);
    expect((await t.as(analyst, 'POST', '/api/v1/hotline/providers/import', { csv })).statusCode).toBe(403);
    const noContact = await t.as(admin, 'POST', '/api/v1/hotline/providers', { name: 'Nadie' });
    expect(noContact.json().code).toBe('provider.no_contact');
  });

  it('resolves a host by the longest domain, then by IP range', async () => {
    const deps = t.runtime.deps;
    const noDns = async () => {
      throw new Error('no DNS in tests');
    };
    expect((await resolveProvider(deps, 'img.cdn.hosta.example', noDns))?.name).toBe('Host A');
    expect((await resolveProvider(deps, 'B.EXAMPLE.', noDns))?.name).toBe('Host B');
    expect(await resolveProvider(deps, 'notb.example', noDns)).toBeNull();
    expect((await resolveProvider(deps, 'anuncios.example', async () => ['203.0.113.9']))?.name).toBe('Host B');
    expect((await resolveProvider(deps, '2001:db8::7', noDns))?.name).toBe('Host B');
    expect(await resolveProvider(deps, 'anuncios.example', async () => ['198.51.100.1'])).toBeNull();
  });

  it('makes one subject of simultaneous first reports of the same URL', async () => {
    const url = 'https://carrera.example/oferta/1';
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fileReport(t.runtime.deps, null, systemActor, { channel: 'partner', url: i % 2 ? url : `HTTPS://Carrera.Example/oferta/1?utm_source=${i}#foto`, childInvolved: false, anonymous: true, language: 'en' })),
    );
    expect(new Set(results.map((r) => r.subjectId)).size).toBe(1);
    expect(results.filter((r) => r.newSubject)).toHaveLength(1);
    const s = await t.runtime.deps.db.selectFrom('hotline_subject').selectAll().where('url', '=', url).executeTakeFirstOrThrow();
    expect(s.report_count).toBe(6);
    const seqs = await t.runtime.deps.db.selectFrom('hotline_event').select('seq').where('subject_id', '=', s.id).orderBy('seq').execute();
    expect(seqs.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);

    // Two reviewers claiming at once: one wins, the other is told who holds it.
    const [a, b] = await Promise.all([t.userWithRoles(['analyst']), t.userWithRoles(['analyst'])]);
    const claims = await Promise.allSettled([
      claimSubject(t.runtime.deps, systemActor, s.id, a.session.userId),
      claimSubject(t.runtime.deps, systemActor, s.id, b.session.userId),
    ]);
    expect(claims.filter((c) => c.status === 'fulfilled')).toHaveLength(1);
    expect(claims.find((c) => c.status === 'rejected')).toMatchObject({ reason: { code: 'hotline.already_claimed' } });
  });

  it('sends a notice by webhook with an idempotency key to a provider that has no e-mail', async () => {
    const received: Array<{ key: string | undefined; body: Record<string, unknown> }> = [];
    const server = createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString('utf8')));
      req.on('end', () => {
        received.push({ key: req.headers['idempotency-key'] as string | undefined, body: JSON.parse(data) as Record<string, unknown> });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      await saveProvider(t.runtime.deps, systemActor, { name: 'Webhook Host', domains: ['webhook-host.example'], webhookUrl: `http://127.0.0.1:${port}/abuse`, language: 'en' });
      const r = await fileReport(t.runtime.deps, null, systemActor, { channel: 'partner', url: 'https://webhook-host.example/x', childInvolved: false, anonymous: true, language: 'en' });
      const reviewer = await t.userWithRoles(['analyst']);
      await decideSubject(t.runtime.deps, systemActor, reviewer.session.userId, r.subjectId, { classification: 'trafficking', legalBasis: 'Ley 985' });
      const n = await queueNotice(t.runtime.deps, systemActor, r.subjectId, {}, async () => []);
      expect(n).toMatchObject({ channel: 'webhook', round: 1 });
      const opts = { transports: configuredTransports(t.env.config), onSent: onHotlineMessageSent };
      expect(await deliverOutboxMessage(t.runtime.deps, n.outboxId, opts)).toBe('sent');
      expect(await deliverOutboxMessage(t.runtime.deps, n.outboxId, opts)).toBe('skipped');
      expect(received).toHaveLength(1);
      expect(received[0]!.key).toBe(`notice:${r.subjectId}:1`);
      expect(received[0]!.body).toMatchObject({ type: 'centinela.notice', url: 'https://webhook-host.example/x', classification: 'trafficking', round: 1, language: 'en' });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('files one automatic report when an analysed item scores high or states a minor, and none for an ordinary ad', async () => {
    const items = await t.as(analyst, 'POST', '/api/v1/items', {
      items: [
        { url: 'https://anuncios.example/risky', text: 'Chicas nuevas menor de edad, disponibles 24 horas, sin condón, llegaron de otra ciudad, trato con el encargado' },
        { url: 'https://anuncios.example/bike', text: 'Vendo bicicleta de montaña en buen estado, casi nueva' },
        { url: 'https://anuncios.example/dress', text: 'Vestido de fiesta para niña, talla 8, usado una vez' },
        { url: 'https://anuncios.example/age', text: 'Hola, tengo 16 años y busco amigos, escríbeme' },
      ],
    });
    const ids = items.json().items.map((i: { id: string }) => i.id) as string[];
    const ctx = { deps: t.runtime.deps, jobId: 'j', workerId: 'w', attempt: 1 };
    for (const itemId of ids) {
      await analyzeItemTask.run({ itemId }, ctx);
      await analyzeItemTask.run({ itemId }, ctx); // a retried job files nothing more
    }
    const scores = await t.runtime.deps.db.selectFrom('item').select(['url', 'risk_score']).execute();
    const risky = scores.find((s) => s.url.endsWith('/risky'))!;
    expect(risky.risk_score).toBeGreaterThanOrEqual(0.5);
    const reports = await t.runtime.deps.db.selectFrom('hotline_report').selectAll().where('channel', '=', 'automatic').orderBy('created_at').execute();
    // The stated age files a report whatever the score; a child's dress (a youth word, no minor stated) does not.
    expect(reports.map((r) => r.url).sort()).toEqual(['https://anuncios.example/age', 'https://anuncios.example/risky']);
    reports.sort((a, b) => (a.url === 'https://anuncios.example/risky' ? -1 : b.url === 'https://anuncios.example/risky' ? 1 : 0));
    expect(reports[0]).toMatchObject({ channel: 'automatic', url: 'https://anuncios.example/risky', item_id: ids[0], submitted_by: 'system' });
    const subject = await t.runtime.deps.db.selectFrom('hotline_subject').selectAll().where('id', '=', reports[0]!.subject_id).executeTakeFirstOrThrow();
    expect(subject.risk_score).toBe(risky.risk_score);
    const detail = (await t.as(analyst, 'GET', `/api/v1/hotline/subjects/${subject.id}`)).json();
    expect(detail.signals.find((s: { kind: string }) => s.kind === 'risk_score').explanation).toMatch(/risk 0\.\d\d/);
  });
});
