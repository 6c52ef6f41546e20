import { Writable } from 'node:stream';
import { dpNoiseVariance, mulberry32 } from '@centinela/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../services/deps.js';
import { publishTable } from '../../services/stats/statsService.js';
import { caseRecord, PLANTED_DOCUMENT } from '../../test/cases.js';
import { DIALECTS, startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { buildApp, loggerOptions } from '../app.js';

describe.each(DIALECTS)('published statistics on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let cw: Session;
  let statistician: Session;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.admin();
    cw = (await t.userWithRoles(['caseworker'])).session;
    statistician = (await t.userWithRoles(['statistician'])).session;
    // 14 women and 3 men: the men's cell is below k = 11 and must not be published.
    const genders = [...Array(14).fill('Feminine'), ...Array(3).fill('Masculine')] as string[];
    for (const [i, gender] of genders.entries()) {
      const res = await t.as(cw, 'POST', '/api/v1/cases', { record: caseRecord({ firstName: `Persona${i}`, gender }) });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('suppresses small cells and their complements, and prints k on the table', async () => {
    const res = await t.as(admin, 'POST', '/api/v1/stats/publications', { title: 'Casos por sexo', dimensions: ['sex'], method: 'k-anonymity' });
    expect(res.statusCode, res.body).toBe(201);
    const { table, privacyStatement } = res.json().publication;
    const cell = (sex: string) => table.cells.find((c: { key: string[] }) => c.key[0] === sex);
    expect(cell('Masculine')).toMatchObject({ value: null, suppressed: true });
    // With one hidden cell the women's count would give the men's away by subtraction from the total.
    expect(cell('Feminine')).toMatchObject({ value: null, suppressed: true });
    expect(cell('total')).toMatchObject({ value: 17, suppressed: false });
    expect(cell('TransgenderFeminine')).toMatchObject({ value: 0, suppressed: false });
    expect(table.privacy).toMatchObject({ method: 'k-anonymity', k: 11 });
    expect(privacyStatement).toContain('below 11');
    const lowK = await t.as(admin, 'POST', '/api/v1/stats/publications', { title: 'Casos por sexo (k=3)', dimensions: ['sex'], method: 'k-anonymity', k: 3 });
    expect(lowK.json().publication.table.cells.find((c: { key: string[] }) => c.key[0] === 'Masculine').value).toBe(3);
  });

  it('lets a statistician see published tables (and their CSV with the parameters) but nothing else', async () => {
    const list = await t.as(statistician, 'GET', '/api/v1/stats/publications');
    expect(list.statusCode).toBe(200);
    const pubs = list.json().publications;
    expect(pubs.length).toBeGreaterThanOrEqual(2);
    const csv = await t.as(statistician, 'GET', `/api/v1/stats/publications/${pubs[0].id}/csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('sex,value,suppressed,privacy_method,k,epsilon,sensitivity');
    expect(csv.body).toContain('k-anonymity');
    expect((await t.as(statistician, 'POST', '/api/v1/stats/publications', { title: 'x', dimensions: ['sex'], method: 'k-anonymity' })).statusCode).toBe(403);
    expect((await t.as(statistician, 'GET', '/api/v1/cases')).statusCode).toBe(403);
    expect((await t.as(cw, 'POST', '/api/v1/stats/publications', { title: 'x', dimensions: ['sex'], method: 'k-anonymity' })).statusCode).toBe(403);
  });

  it('refuses unknown dimensions with the allowed ones', async () => {
    const res = await t.as(admin, 'POST', '/api/v1/stats/publications', { title: 'x', dimensions: ['name'], method: 'k-anonymity' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'stats.invalid_dimensions' });
    expect(res.json().allowed).toContain('ageBand');
  });

  it('publishes the online side from the hotline: reports received, with small cells suppressed', async () => {
    const key = (await t.as(admin, 'POST', '/api/v1/api-keys', { name: 'Plataforma Ejemplo', scopes: ['reports:write'] })).json().secret as string;
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { authorization: `Bearer ${key}` }, payload: { url: `https://ejemplo.test/anuncio/${i}` } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const year = String(t.clock.now().getUTCFullYear());
    const res = await t.as(admin, 'POST', '/api/v1/stats/publications', { title: 'En línea', source: 'online', dimensions: ['kind', 'year'], method: 'k-anonymity', k: 3 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().publication.source).toBe('online');
    const cells = res.json().publication.table.cells as Array<{ key: string[]; value: number | null }>;
    expect(cells.find((c) => c.key[0] === 'report' && c.key[1] === year)!.value).toBe(12);
    expect(cells.find((c) => c.key[0] === 'removal' && c.key[1] === year)!.value).toBe(0);
    // The hosting country, once a notice found the provider, is a dimension of its own.
    await t.runtime.deps.db.updateTable('hotline_subject').set({ country: 'CO' }).where('url', 'like', 'https://ejemplo.test/anuncio/%').execute();
    const byCountry = await t.as(admin, 'POST', '/api/v1/stats/publications', { title: 'Por país', source: 'online', dimensions: ['kind', 'country'], method: 'k-anonymity', k: 3 });
    expect(byCountry.statusCode, byCountry.body).toBe(201);
    const countryCells = byCountry.json().publication.table.cells as Array<{ key: string[]; value: number | null }>;
    expect(countryCells.find((c) => c.key[0] === 'report' && c.key[1] === 'CO')!.value).toBe(12);
  });

  it('publishes differentially private counts with the stated ε, noise of the stated scale (seeded only here)', async () => {
    const pub = await publishTable(t.runtime.deps, cliActor, { title: 'Casos por sexo y año (DP)', source: 'cases', dimensions: ['sex', 'yearOfRegistration'], method: 'dp-geometric', epsilon: 0.5 }, { rng: mulberry32(20261123) });
    expect(pub.table.privacy).toMatchObject({ method: 'dp-geometric', epsilon: 0.5, sensitivity: 1 });
    expect(pub.privacyStatement).toContain('ε = 0.5');
    // Every zero cell got noise too: over the many empty (sex, year) cells, the clamped noise has the mean
    // of max(0, X) for the two-sided geometric X, which is α/(1−α²)… checked against its variance bound.
    const zeros = pub.table.cells.filter((c) => c.key[0] !== 'total' && c.key[1] !== 'total' && c.key[1] !== '2026' && c.key[0] !== 'unknown');
    const alpha = Math.exp(-0.5);
    const expectedMean = alpha / (1 - alpha * alpha);
    const mean = zeros.reduce((s, c) => s + (c.value ?? 0), 0) / zeros.length;
    expect(zeros.length).toBeGreaterThan(40);
    expect(Math.abs(mean - expectedMean)).toBeLessThan(4 * Math.sqrt(dpNoiseVariance('geometric', 0.5, 1) / zeros.length));
    const stored = (await t.as(statistician, 'GET', '/api/v1/stats/publications')).json().publications.find((p: { id: string }) => p.id === pub.id);
    expect(stored.table.privacy.epsilon).toBe(0.5);
  });

  it('writes no identifying value to the logs while cases are created, read and listed', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildApp(t.ctx, { logger: { ...(loggerOptions('trace') as object), stream } as never });
    try {
      const headers = { cookie: cw.cookie, 'x-csrf-token': cw.csrf };
      const created = await app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload: { record: caseRecord({ firstName: 'Anastasia', secondName: 'Pelusaverde' }) } });
      const id = created.json().case.id;
      await app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers });
      await app.inject({ method: 'GET', url: '/api/v1/cases?names=true', headers });
      await app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload: { record: { ...caseRecord({ firstName: 'Anastasia' }), person: { firstName: 'Anastasia', gender: 'Robot' } } } });
      const text = lines.join('');
      expect(lines.length).toBeGreaterThan(3);
      for (const n of ['Anastasia', 'Pelusaverde', PLANTED_DOCUMENT, 'Calle Inventada']) expect(text).not.toContain(n);
    } finally {
      await app.close();
    }
  });
});
