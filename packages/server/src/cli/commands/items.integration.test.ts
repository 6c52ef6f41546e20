import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADS, PHONE_ES_RISKY } from '../../test/ads.js';
import { runCliCaptured, writeDataFile } from '../../test/cli.js';
import { DIALECTS, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(DIALECTS)('centinela extract, score and import on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());
  const file = (name: string, content: string | Buffer) => writeDataFile(t.env.dataDir, name, content);

  const cli = (args: string[], stdin?: string | Buffer) => runCliCaptured(args, t.env.env, stdin);
  const items = () => t.runtime.deps.db.selectFrom('item').selectAll().orderBy('created_at').orderBy('id').execute();

  it('extract prints the entities of a file or stdin with exact spans', async () => {
    const text = `${ADS.esRisky.title}. ${ADS.esRisky.text}`;
    const res = await cli(['extract', '--region', 'CO', file('ad.txt', text)]);
    expect(res.code).toBe(0);
    const { entities } = JSON.parse(res.out) as { entities: Array<{ type: string; value: string; normalized: string; start: number; end: number }> };
    expect(entities.map((e) => `${e.type}:${e.normalized}`)).toEqual(expect.arrayContaining([`phone:${PHONE_ES_RISKY}`, 'email:lola@ejemplo.com']));
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.value);
    const piped = await cli(['extract', '--region', 'co', '-'], text);
    expect(JSON.parse(piped.out)).toEqual({ entities });
    expect((await cli(['extract', '--region', 'Colombia', '-'], text)).code).toBe(2);
    expect((await cli(['extract', path.join(t.env.dataDir, 'missing.txt')])).code).toBe(2);
  });

  it('score prints the score JSON, also for binary junk and invalid UTF-8', async () => {
    const res = await cli(['score', file('en.txt', `${ADS.enRisky.title}. ${ADS.enRisky.text}`)]);
    expect(res.code).toBe(0);
    const body = JSON.parse(res.out);
    expect(body).toMatchObject({ language: 'en', score: expect.any(Number), indicators: expect.any(Array), entities: expect.any(Array) });
    expect(body.indicators.map((i: { id: string }) => i.id)).toContain('youth.just-18');
    const junk = await cli(['score', file('junk.bin', Buffer.concat([randomBytes(4096), Buffer.from([0xc3, 0x28, 0xff, 0x00])]))]);
    expect(junk.code).toBe(0);
    expect(JSON.parse(junk.out).score).toBeGreaterThanOrEqual(0);
    const huge = JSON.parse((await cli(['score', '--language', 'pt', '-'], 'Novinha recém chegada. '.repeat(3000))).out);
    expect(huge).toMatchObject({ language: 'pt', truncated: true });
    expect(huge.indicators.map((i: { id: string }) => i.id)).toContain('youth.young-terms');
  });

  it('imports JSON Lines, reports malformed lines by number, imports the rest, and is idempotent', async () => {
    const lines = [
      JSON.stringify(ADS.esRisky),
      JSON.stringify(ADS.enRisky),
      '{"url": "https://x.ejemplo.test/roto", "text": ',
      '',
      JSON.stringify({ url: 'https://x.ejemplo.test/sin-texto' }),
      '[1, 2]',
      JSON.stringify({ ...ADS.ptRisky, source: 'crawl' }),
    ];
    const jsonl = file('ads.jsonl', `${lines.join('\n')}\n`);
    const res = await cli(['import', jsonl]);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.out)).toMatchObject({ format: 'jsonl', read: 6, created: 3, unchanged: 0, invalid: 3 });
    const reported = res.err.split('\n').filter((l) => l.startsWith(jsonl)).map((l) => Number(l.slice(jsonl.length + 1).split(':')[0]));
    expect(reported).toEqual([3, 5, 6]);
    expect(res.err).toMatch(/:5: text: needs a title or a text/);
    const stored = await items();
    expect(stored.map((i) => i.source).sort()).toEqual(['crawl', 'import', 'import']);
    expect(stored.every((i) => i.ingested_by === 'cli')).toBe(true);

    const again = await cli(['import', jsonl, '--source', 'import']);
    expect(JSON.parse(again.out)).toMatchObject({ created: 1, unchanged: 2 }); // the pt ad is now an `import` capture too
    const third = await cli(['import', jsonl, '--source', 'import']);
    expect(JSON.parse(third.out)).toMatchObject({ created: 0, unchanged: 3 });
    expect(await items()).toHaveLength(4);
  });

  it('streams a file across batches, keeping line numbers, and stores invalid UTF-8 and junk lines safely', async () => {
    const parts: Buffer[] = [];
    for (let i = 1; i <= 1203; i++) {
      if (i === 2 || i === 777) parts.push(Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x0a]));
      else if (i === 1203) parts.push(Buffer.concat([Buffer.from('{"url":"https://lote.ejemplo.test/utf8","text":"Ol'), Buffer.from([0xe1, 0xff]), Buffer.from(' amor"}\n')]));
      else parts.push(Buffer.from(`${JSON.stringify({ url: `https://lote.ejemplo.test/${i}`, text: `Anuncio ${i}: trabajo inmediato, pasaje pagado` })}\n`));
    }
    const f = file('lote.jsonl', Buffer.concat(parts));
    const res = await cli(['import', f, '--source', 'partner']);
    expect(JSON.parse(res.out)).toMatchObject({ read: 1203, created: 1201, invalid: 2 });
    expect(res.err.split('\n').filter((l) => l.startsWith(`${f}:`)).map((l) => l.split(':').at(-2))).toEqual(['2', '777']);
    const utf8 = await t.runtime.deps.db.selectFrom('item').select('text').where('url', '=', 'https://lote.ejemplo.test/utf8').executeTakeFirstOrThrow();
    expect(utf8.text).toBe('Ol\uFFFD\uFFFD amor');
  });

  it('imports CSV with a column mapping, quoted commas and newlines, and reports bad records by line', async () => {
    const csv = [
      'Enlace,Titulo,Descripcion,Ciudad,Fecha',
      `https://csv.ejemplo.test/1,"Chica nueva, recién llegada","Atención 24 horas.\nLlama al 310 555 1234, ""solo hoy""",Cali,2026-11-01`,
      'https://csv.ejemplo.test/2,Masajes,"texto con ""comillas"" mal" cerradas,Cali,2026-11-02',
      'https://csv.ejemplo.test/3,Solo dos campos',
      'https://csv.ejemplo.test/4,Bicicleta,"Vendo bicicleta,\nbuen estado",Cali,no es fecha',
      'https://csv.ejemplo.test/5,Empleo,"Trabajo inmediato, solo mujeres",Cali,2026-11-05',
    ].join('\r\n');
    const f = file('ads.csv', csv);
    const res = await cli(['import', f, '--map', 'url=Enlace,title=Titulo,text=Descripcion,locationText=Ciudad,postedAt=Fecha', '--source', 'import', '--region', 'CO']);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.out)).toMatchObject({ format: 'csv', read: 5, created: 2, invalid: 3 });
    expect(res.err).toContain(`${f}:4: text after a closing quote`);
    expect(res.err).toContain(`${f}:5: expected 5 fields, found 2`);
    expect(res.err).toMatch(new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6: postedAt: `));
    const one = (await items()).find((i) => i.url === 'https://csv.ejemplo.test/1')!;
    expect(one).toMatchObject({ title: 'Chica nueva, recién llegada', text: 'Atención 24 horas.\nLlama al 310 555 1234, "solo hoy"', location_text: 'Cali', region: 'CO', posted_at: '2026-11-01T00:00:00.000Z' });

    expect((await cli(['import', f, '--map', 'text=Nope'])).err).toMatch(/no column "Nope"/);
    expect((await cli(['import', f, '--map', 'colour=Titulo'])).code).toBe(2);
    expect((await cli(['import', file('ads.txt', 'x')])).code).toBe(2);
  });
});
