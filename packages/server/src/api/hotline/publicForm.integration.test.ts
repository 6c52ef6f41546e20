import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openText } from '../../services/sealing.js';
import { DIALECTS, startTestApp, type TestApp } from '../../test/harness.js';
import { formToken, multipart } from '../../test/hotline.js';
import { patternPng } from '../../test/images.js';

/** Abuse of the public form: every refusal is a clear page in the reporter's language, and nothing is stored. */
describe.each(DIALECTS)('public report form under abuse on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { CENTINELA_PUBLIC_REPORTS_PER_HOUR: '3', CENTINELA_PUBLIC_REPORTS_PER_CLIENT_PER_HOUR: '1000', CENTINELA_PUBLIC_REPORT_FILE_BYTES: '20000' });
  });
  afterAll(() => t.close());

  const rows = async () => (await t.runtime.deps.db.selectFrom('hotline_report').select('id').execute()).length;
  const blobCount = () => {
    const root = path.join(t.env.dataDir, 'blobs');
    try {
      return readdirSync(root, { recursive: true }).filter((f) => String(f).length > 60).length;
    } catch {
      return 0;
    }
  };
  const freshToken = async (lang = 'en') => {
    const token = formToken((await t.app.inject({ method: 'GET', url: `/report?lang=${lang}` })).body);
    t.clock.advance(5_000);
    return token;
  };
  const good = (token: string, extra: Record<string, string> = {}) => ({ lang: 'en', token, website: '', url: 'https://anuncios.example/a/1', child: 'no', anonymity: 'anonymous', ...extra });
  const post = (body: ReturnType<typeof multipart>, remoteAddress = '198.51.100.1') => t.app.inject({ method: 'POST', url: '/report?lang=en', ...body, remoteAddress });

  it('refuses bots: a filled honeypot, a missing or forged token, a form sent too fast', async () => {
    const token = await freshToken();
    for (const fields of [good(token, { website: 'http://spam.example' }), good(''), good('1763800000000.forged'), good(token.replace(/.$/, 'x'))]) {
      const res = await post(multipart(fields));
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('We could not receive the report');
    }
    const fast = formToken((await t.app.inject({ method: 'GET', url: '/report?lang=en' })).body);
    expect((await post(multipart(good(fast)))).statusCode).toBe(400);
    expect(await rows()).toBe(0);
  });

  it('asks again for an expired form, keeping what was typed (escaped), and never the files', async () => {
    const token = await freshToken();
    t.clock.advance(7 * 3_600_000);
    const res = await post(multipart(good(token, { description: '<script>alert(1)</script> "quoted"' })));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The form expired');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;');
    expect(res.body).not.toContain('<script>');
    expect(await rows()).toBe(0);
  });

  it('keeps a long description in full (multi-byte characters), and refuses one over the limit', async () => {
    const long = 'ñ€'.repeat(2500); // 5,000 characters, 12,500 bytes of UTF-8
    const res = await post(multipart(good(await freshToken(), { url: 'https://anuncios.example/largo', description: long })));
    expect(res.statusCode).toBe(303);
    const too = await post(multipart(good(await freshToken(), { url: 'https://anuncios.example/largo2', description: `${long}x` })));
    expect(too.statusCode).toBe(400);
    expect(too.body).toContain('One of the texts is too long');
    expect(await rows()).toBe(1);
    const stored = await t.runtime.deps.db.selectFrom('hotline_report').select(['id', 'description_sealed']).executeTakeFirstOrThrow();
    expect(openText(t.runtime.deps, 'hotline_report.description', stored.id, stored.description_sealed!)).toBe(long);
    await t.runtime.deps.db.deleteFrom('hotline_report').execute();
    await t.runtime.deps.db.deleteFrom('hotline_event').execute();
    await t.runtime.deps.db.deleteFrom('hotline_subject').execute();
  });

  it('refuses URLs with credentials, a missing anonymity choice, and an empty report, in Spanish too', async () => {
    let res = await post(multipart(good(await freshToken(), { url: 'https://usuario:clave@anuncios.example/x' })));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('contains a user name or password');
    res = await post(multipart({ ...good(await freshToken('es'), { lang: 'es' }), anonymity: '' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Elija si quiere denunciar de forma anónima');
    res = await post(multipart(good(await freshToken(), { anonymity: 'contact', contact: '' })));
    expect(res.body).toContain('Write a contact or choose to report anonymously');
    res = await post(multipart(good(await freshToken(), { url: '' })));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Give a URL, attach a file');
    res = await post(multipart(good(await freshToken(), { url: 'javascript:alert(1)' })));
    expect(res.body).toContain('The URL is not valid');
    expect(await rows()).toBe(0);
  });

  it('refuses files that are not images or videos, damaged images, too many and too large files, storing nothing', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    let res = await post(multipart(good(await freshToken()), [{ name: 'files', filename: 'photo.png', type: 'image/png', bytes: html }]));
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain('Only images');
    const broken = Buffer.concat([(await patternPng(3, 64, 64)).subarray(0, 60), Buffer.alloc(100)]);
    res = await post(multipart(good(await freshToken()), [{ name: 'files', filename: 'broken.png', type: 'image/png', bytes: broken }]));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('damaged');
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(40_000)]);
    res = await post(multipart(good(await freshToken()), [{ name: 'files', filename: 'big.jpg', type: 'image/jpeg', bytes: big }]));
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('too large');
    const small = await patternPng(4, 32, 32);
    res = await post(multipart(good(await freshToken()), Array.from({ length: 6 }, (_, i) => ({ name: 'files', filename: `${i}.png`, type: 'image/png', bytes: small }))));
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('at most 5 files');
    res = await t.app.inject({ method: 'POST', url: '/report', headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: 'garbage' });
    expect(res.statusCode).toBe(400);
    expect(await rows()).toBe(0);
    expect(blobCount()).toBe(0);
  });

  it('bounds a flood: after the hourly cap every report is refused and the database stops growing', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await post(multipart(good(await freshToken(), { url: `https://anuncios.example/flood/${i}` })), `198.51.100.${10 + i}`);
      expect(res.statusCode).toBe(303);
    }
    for (let i = 0; i < 5; i++) {
      const res = await post(multipart(good(await freshToken(), { url: `https://anuncios.example/flood/x${i}` })), `198.51.100.${50 + i}`);
      expect(res.statusCode).toBe(429);
      expect(res.body).toContain('too many reports');
    }
    expect(await rows()).toBe(3);
    expect(await t.runtime.deps.db.selectFrom('hotline_subject').select('id').execute()).toHaveLength(3);
    // An hour later the form takes reports again.
    t.clock.advance(3_600_000);
    expect((await post(multipart(good(await freshToken(), { url: 'https://anuncios.example/later' })))).statusCode).toBe(303);
    const audit = await t.runtime.deps.db.selectFrom('audit_log').select('ip').where('action', 'in', ['hotline.report', 'http.rejected']).execute();
    expect(audit.length).toBeGreaterThan(10);
    expect(audit.every((a) => a.ip === null)).toBe(true);
  });
});

describe('public report form per-client limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { CENTINELA_PUBLIC_REPORTS_PER_CLIENT_PER_HOUR: '2' });
  });
  afterAll(() => t.close());

  it('limits one client without blocking others', async () => {
    const send = async (ip: string, i: number) => {
      const token = formToken((await t.app.inject({ method: 'GET', url: '/report' })).body);
      t.clock.advance(5_000);
      return t.app.inject({ method: 'POST', url: '/report', remoteAddress: ip, ...multipart({ lang: 'es', token, url: `https://anuncios.example/c/${i}`, child: 'unsure', anonymity: 'anonymous' }) });
    };
    expect((await send('192.0.2.1', 1)).statusCode).toBe(303);
    expect((await send('192.0.2.1', 2)).statusCode).toBe(303);
    const third = await send('192.0.2.1', 3);
    expect(third.statusCode).toBe(429);
    expect(third.body).toContain('Hemos recibido demasiadas denuncias');
    expect((await send('192.0.2.2', 4)).statusCode).toBe(303);
  });

  it('limits status lookups per client, so references cannot be guessed', async () => {
    const look = (ip: string) => t.app.inject({ method: 'GET', url: '/report/status?ref=R-0000-0000', remoteAddress: ip });
    for (let i = 0; i < 60; i++) expect((await look('192.0.2.9')).statusCode).toBe(404);
    const limited = await look('192.0.2.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Hemos recibido demasiadas');
    expect((await look('192.0.2.10')).statusCode).toBe(404);
  });
});
