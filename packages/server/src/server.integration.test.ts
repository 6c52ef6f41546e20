import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './server.js';
import { createTestEnv, DIALECTS, type TestEnv } from './test/harness.js';

describe.each(DIALECTS)('centinela serve on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect, { CENTINELA_ADMIN_PASSWORD: '' });
  });
  afterAll(() => env.cleanup());

  it('creates the first admin with a generated password printed once, seeds the demo once, and serves', async () => {
    const config = { ...env.config, adminPassword: undefined, port: 0, host: '127.0.0.1' };
    const first: string[] = [];
    const server = await startServer(config, { demo: true, print: (l) => first.push(l) });
    try {
      const printed = first.join('\n');
      const password = /Password \(shown only this once[^)]*\): (\S+)/.exec(printed)?.[1];
      expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(printed).toContain('analista@demo.centinela.local');
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: config.adminEmail, password }),
      });
      expect(res.status).toBe(200);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      // Invented demo ads, analysed in the background by the in-process worker (SQLite).
      const items = () => server.runtime.deps.db.selectFrom('item').select(['risk_score']).execute();
      expect(await items()).toHaveLength(8);
      if (dialect === 'sqlite') {
        const deadline = Date.now() + 30_000;
        while ((await items()).some((i) => i.risk_score === null) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        expect((await items()).every((i) => i.risk_score !== null)).toBe(true);
      }
      // The hotline demo: one provider and three invented reports on two subjects (the duplicate deduplicated).
      const subjects = await server.runtime.deps.db.selectFrom('hotline_subject').select(['url', 'report_count']).where('url', 'like', '%demo%').orderBy('url').execute();
      expect(subjects).toEqual([
        { url: 'https://anuncios.ejemplo.test/bogota/demo-101', report_count: 2 },
        { url: 'https://empleos.ejemplo.test/oferta/demo-7', report_count: 1 },
      ]);
    } finally {
      await server.stop();
    }

    const second: string[] = [];
    const again = await startServer(config, { demo: true, print: (l) => second.push(l) });
    await again.stop();
    expect(second.join('\n')).not.toMatch(/Password|Demo accounts/);
  });
});
