import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { flatPng, multipartBody, patternPng, pngHeaderClaiming, rotatePng } from '../../test/images.js';

/** The hash with its first `bits` bits flipped. */
function flip(hash: string, bits: number): string {
  const bytes = Buffer.from(hash, 'hex');
  for (let b = 0; b < bits; b++) bytes[b >> 3]! ^= 1 << (b & 7);
  return bytes.toString('hex');
}

interface Hit {
  bank: string;
  entryId: string;
  distance: number;
  variant?: string;
}

describe.each(DIALECTS)('hashing and matching through the API on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let investigator: Session;
  let apiKey: string;
  let image: Buffer;
  let imageHash: string;

  const upload = (url: string, files: Parameters<typeof multipartBody>[0], fields: Record<string, string> = {}, who: Session | string = admin) => {
    const { payload, headers } = multipartBody(files, fields);
    const auth = typeof who === 'string' ? { authorization: `Bearer ${who}` } : { cookie: who.cookie, 'x-csrf-token': who.csrf };
    return t.app.inject({ method: 'POST', url, headers: { ...headers, ...auth }, payload });
  };
  const matchJson = (body: unknown, who: Session | string = admin) =>
    typeof who === 'string'
      ? t.app.inject({ method: 'POST', url: '/api/v1/match', headers: { authorization: `Bearer ${who}` }, payload: body as object })
      : t.as(who, 'POST', '/api/v1/match', body);
  const createBank = async (name: string, lines: string) => {
    const bank = (await t.as(admin, 'POST', '/api/v1/banks', { name })).json().bank as { id: string };
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/banks/${bank.id}/import?category=test`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/plain' },
      payload: lines,
    });
    expect(res.statusCode).toBe(200);
    return bank;
  };
  const tableCounts = async () => {
    const count = async (table: 'hash_bank' | 'hash_bank_entry') =>
      Number((await t.runtime.deps.db.selectFrom(table).select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { banks: await count('hash_bank'), entries: await count('hash_bank_entry') };
  };
  const blobFiles = () => {
    try {
      return readdirSync(path.join(t.env.dataDir, 'blobs'), { recursive: true }).length;
    } catch {
      return 0;
    }
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { CENTINELA_UPLOAD_LIMIT_BYTES: String(2 * 1024 * 1024) });
    admin = await t.admin();
    investigator = (await t.userWithRoles(['investigator'])).session;
    apiKey = (await t.as(admin, 'POST', '/api/v1/api-keys', { name: 'partner', scopes: ['media:match'] })).json().secret;
    image = await patternPng(1);
    const res = await upload('/api/v1/hash', [{ filename: 'one.png', contentType: 'image/png', bytes: image }]);
    imageHash = res.json().files[0].pdq;
  });
  afterAll(() => t.close());

  it('hashes uploaded images: PDQ with quality, MD5, SHA-256, size; bytes not stored', async () => {
    const blobsBefore = blobFiles();
    const second = await patternPng(2, 200, 150);
    const res = await upload('/api/v1/hash', [
      { filename: 'one.png', contentType: 'image/png', bytes: image },
      { filename: 'two.jpg', contentType: 'image/jpeg', bytes: second },
    ], {}, apiKey);
    expect(res.statusCode).toBe(200);
    const [a, b] = res.json().files;
    expect(a).toMatchObject({ file: 'one.png', width: 320, height: 240, md5: createHash('md5').update(image).digest('hex'), sha256: createHash('sha256').update(image).digest('hex') });
    expect(a.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(a.quality).toBeGreaterThanOrEqual(50);
    expect(b).toMatchObject({ file: 'two.jpg', width: 200, height: 150 });
    expect(blobFiles()).toBe(blobsBefore);
    const audit = await t.runtime.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'media.hash').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_type: 'apiKey' });
    expect(JSON.parse(audit.details)).toEqual({ files: 2 });
  });

  it('finds planted neighbours at distances up to the threshold and not beyond', async () => {
    const query = randomBytes(32).toString('hex');
    const planted = [0, 5, 31, 32, 45];
    const bank = await createBank('planted', planted.map((d) => flip(query, d)).join('\n'));
    const res = await matchJson({ hashes: [{ hash: query }], banks: ['planted'] }, investigator);
    expect(res.statusCode).toBe(200);
    const [result] = res.json().results;
    expect(result).toMatchObject({ type: 'pdq', hash: query, status: 'matched' });
    expect(result.matches.map((m: Hit) => m.distance)).toEqual([0, 5, 31]);
    expect(result.matches[0]).toMatchObject({ bank: 'planted', bankId: bank.id, category: 'test' });
    const wide = (await matchJson({ hashes: [{ hash: query }], banks: ['planted'], threshold: 45 })).json().results[0];
    expect(wide.matches.map((m: Hit) => m.distance)).toEqual([0, 5, 31, 32, 45]);
    const none = (await matchJson({ hashes: [{ hash: flip(query, 200) }], banks: ['planted'] })).json().results[0];
    expect(none).toMatchObject({ status: 'no_match', matches: [] });
  });

  it('matches an uploaded image, its exact hashes, and a rotated copy with dihedral matching', async () => {
    const md5 = createHash('md5').update(image).digest('hex');
    await createBank('images', `${imageHash}\n${md5}\n`);
    const same = (await upload('/api/v1/match', [{ filename: 'same.png', bytes: image }], { banks: 'images' }, apiKey)).json().results[0];
    expect(same.status).toBe('matched');
    expect(same.file).toMatchObject({ file: 'same.png', pdq: imageHash, md5 });
    expect(same.matches.map((m: Hit & { signalType: string }) => [m.signalType, m.distance])).toEqual([
      ['md5', 0],
      ['pdq', 0],
    ]);

    const rotated = await rotatePng(image, 90);
    const plain = (await upload('/api/v1/match', [{ filename: 'rot.png', bytes: rotated }], { banks: 'images' })).json().results[0];
    expect(plain.status).toBe('no_match');
    const dihedral = (await upload('/api/v1/match', [{ filename: 'rot.png', bytes: rotated }], { banks: 'images', dihedral: 'true' })).json().results[0];
    expect(dihedral.status).toBe('matched');
    expect(dihedral.matches[0].distance).toBeLessThanOrEqual(31);
    expect(dihedral.matches[0].variant).toBeDefined();

    // From the hash alone, variants are derived from the bits: still found.
    const rotatedHash = (await upload('/api/v1/hash', [{ filename: 'rot.png', bytes: rotated }])).json().files[0].pdq;
    const byHash = (await matchJson({ hashes: [{ hash: rotatedHash }], banks: ['images'], dihedral: true })).json().results[0];
    expect(byHash.status).toBe('matched');
  });

  it('keeps a matching upload, sealed, only when its bank asks for quarantine', async () => {
    const other = await patternPng(7, 180, 120);
    const otherHash = (await upload('/api/v1/hash', [{ filename: 'q.png', bytes: other }])).json().files[0].pdq as string;
    const bank = await createBank('quarantine-bank', `${otherHash}\n`);
    const before = blobFiles();
    const notAsked = (await upload('/api/v1/match', [{ filename: 'q.png', bytes: other }], { banks: 'quarantine-bank' })).json().results[0];
    expect(notAsked.status).toBe('matched');
    expect(notAsked.quarantined).toBeUndefined();
    expect(blobFiles()).toBe(before);

    const changed = await t.as(admin, 'PATCH', `/api/v1/banks/${bank.id}`, { quarantineOnMatch: true });
    expect(changed.json().bank.quarantineOnMatch).toBe(true);
    const kept = (await upload('/api/v1/match', [{ filename: 'q.png', bytes: other }], { banks: 'quarantine-bank' }, apiKey)).json().results[0];
    expect(kept.quarantined).toBe(true);
    const sha256 = createHash('sha256').update(other).digest('hex');
    expect(await t.runtime.blobs.get(sha256)).toEqual(other);
    const rows = await t.runtime.deps.db.selectFrom('quarantined_media').selectAll().where('sha256', '=', sha256).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ bank_id: bank.id, distance: 0, size: other.length });
    expect(rows[0]!.submitted_by).toMatch(/^apiKey:/);
    // A non-matching upload is still never stored.
    const unrelated = await patternPng(9, 150, 150);
    const none = (await upload('/api/v1/match', [{ filename: 'u.png', bytes: unrelated }], { banks: 'quarantine-bank' })).json().results[0];
    expect(none.status).toBe('no_match');
    expect(await t.runtime.blobs.has(createHash('sha256').update(unrelated).digest('hex'))).toBe(false);
  });

  it('refuses low-quality images and hashes with status low_quality', async () => {
    const flat = await flatPng();
    const flatHash = (await upload('/api/v1/hash', [{ filename: 'flat.png', bytes: flat }])).json().files[0];
    expect(flatHash.quality).toBeLessThan(50);
    await createBank('flat', `${flatHash.pdq}\n`);
    const res = (await upload('/api/v1/match', [{ filename: 'flat.png', bytes: flat }], { banks: 'flat' })).json().results[0];
    expect(res).toMatchObject({ status: 'low_quality', quality: flatHash.quality, minQuality: 50, matches: [] });
    const byHash = (await matchJson({ hashes: [{ hash: flatHash.pdq, quality: 10 }], banks: ['flat'] })).json().results[0];
    expect(byHash.status).toBe('low_quality');
    // Known by its exact hash: matched, and the result still says the perceptual hash was not used.
    await createBank('flat-md5', `md5:${flatHash.md5}\n`);
    const exact = (await upload('/api/v1/match', [{ filename: 'flat.png', bytes: flat }], { banks: 'flat-md5' })).json().results[0];
    expect(exact).toMatchObject({ status: 'matched', quality: flatHash.quality, minQuality: 50 });
    expect(exact.matches).toHaveLength(1);
  });

  it('does not match disabled banks or disabled entries, and sees imports without a restart', async () => {
    const query = randomBytes(32).toString('hex');
    const bank = await createBank('toggled', `${query}\n`);
    const match = async () => (await matchJson({ hashes: [{ hash: query }] })).json().results[0].matches.filter((m: Hit) => m.bank === 'toggled');
    expect(await match()).toHaveLength(1);
    await t.as(admin, 'PATCH', `/api/v1/banks/${bank.id}`, { enabled: false });
    expect(await match()).toHaveLength(0);
    expect((await matchJson({ hashes: [{ hash: query }], banks: ['toggled'] })).json().code).toBe('bank.disabled');
    await t.as(admin, 'PATCH', `/api/v1/banks/${bank.id}`, { enabled: true });
    const [entry] = (await t.as(admin, 'GET', `/api/v1/banks/${bank.id}/entries`)).json().entries;
    await t.as(admin, 'PATCH', `/api/v1/banks/${bank.id}/entries/${entry.id}`, { enabled: false });
    expect(await match()).toHaveLength(0);
    await t.as(admin, 'PATCH', `/api/v1/banks/${bank.id}/entries/${entry.id}`, { enabled: true });
    expect(await match()).toHaveLength(1);
    await t.as(admin, 'PATCH', `/api/v1/banks/${bank.id}`, { name: 'toggled renamed' });
    expect((await matchJson({ hashes: [{ hash: query }], banks: ['toggled renamed'] })).json().results[0].matches[0].bank).toBe('toggled renamed');
    await t.as(admin, 'PATCH', `/api/v1/banks/${bank.id}`, { name: 'toggled' });

    const later = randomBytes(32).toString('hex');
    expect((await matchJson({ hashes: [{ hash: later }], banks: ['toggled'] })).json().results[0].status).toBe('no_match');
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/banks/${bank.id}/import`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/plain' },
      payload: flip(later, 7),
    });
    expect((await matchJson({ hashes: [{ hash: later }], banks: ['toggled'] })).json().results[0].matches[0].distance).toBe(7);
  });

  it('documents the media and bank endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> };
    for (const p of ['/api/v1/hash', '/api/v1/match', '/api/v1/banks', '/api/v1/banks/{id}', '/api/v1/banks/{id}/entries', '/api/v1/banks/{id}/entries/{entryId}', '/api/v1/banks/{id}/import', '/api/v1/banks/{id}/export']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/v1/match']!.post!.requestBody!.content)).toContain('application/json');
  });

  it('audits matches as counts, never hashes', async () => {
    const query = randomBytes(32).toString('hex');
    await matchJson({ hashes: [{ hash: query }, { type: 'md5', hash: 'f'.repeat(32) }] }, apiKey);
    const row = await t.runtime.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'media.match').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row.actor_type).toBe('apiKey');
    expect(JSON.parse(row.details)).toMatchObject({ via: 'hashes', queries: 2, matched: 0, lowQuality: 0, matches: 0 });
    expect(row.details).not.toContain(query);
  });

  describe('bad input gets a clear problem with a stable code, and nothing is stored', () => {
    let before: Awaited<ReturnType<typeof tableCounts>>;
    let blobsBefore: number;
    beforeAll(async () => {
      before = await tableCounts();
      blobsBefore = blobFiles();
    });
    afterAll(async () => {
      expect(await tableCounts()).toEqual(before);
      expect(blobFiles()).toBe(blobsBefore);
    });

    const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }, status: number, code: string) => {
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status, code });
    };

    it('zero-byte, truncated, non-image, mislabelled and header-bomb files', async () => {
      expectProblem(await upload('/api/v1/hash', [{ filename: 'empty.png', contentType: 'image/png', bytes: Buffer.alloc(0) }]), 400, 'media.empty_file');
      expectProblem(await upload('/api/v1/hash', [{ filename: 'cut.png', contentType: 'image/png', bytes: image.subarray(0, image.length >> 1) }]), 422, 'media.decode_failed');
      expectProblem(await upload('/api/v1/hash', [{ filename: 'notes.png', contentType: 'image/png', bytes: Buffer.from('just some text, not an image') }]), 415, 'media.unsupported_format');
      expectProblem(await upload('/api/v1/hash', [{ filename: 'bomb.png', contentType: 'image/png', bytes: pngHeaderClaiming(50_000, 50_000) }]), 422, 'media.too_many_pixels');
      // The declared part type is ignored: the bytes decide.
      const labelled = await upload('/api/v1/hash', [{ filename: 'image.txt', contentType: 'text/plain', bytes: image }]);
      expect(labelled.json().files[0].pdq).toBe(imageHash);
      // One bad file refuses the batch, naming it.
      const mixed = await upload('/api/v1/hash', [{ filename: 'ok.png', bytes: image }, { filename: 'bad.png', bytes: Buffer.from('nope') }]);
      expectProblem(mixed, 415, 'media.unsupported_format');
      expect(mixed.json().errors[0].path).toContain('bad.png');
    });

    it('wrong request content types and empty forms', async () => {
      const raw = await t.app.inject({ method: 'POST', url: '/api/v1/hash', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'image/png' }, payload: image });
      expectProblem(raw, 415, 'request.unsupported_media_type');
      expectProblem(await t.as(admin, 'POST', '/api/v1/hash', { file: 'x' }), 415, 'request.unsupported_media_type');
      expectProblem(await upload('/api/v1/hash', [], { note: 'no file' }), 400, 'media.no_file');
    });

    it('oversized uploads → 413, and the server keeps serving', async () => {
      const big = randomBytes(2 * 1024 * 1024 + 10);
      expectProblem(await upload('/api/v1/hash', [{ filename: 'big.png', bytes: big }]), 413, 'request.too_large');
      const half = randomBytes(1.5 * 1024 * 1024);
      expectProblem(await upload('/api/v1/match', [{ filename: 'a.png', bytes: half }, { filename: 'b.png', bytes: half }]), 413, 'request.too_large');
      expect((await upload('/api/v1/hash', [{ filename: 'one.png', bytes: image }])).statusCode).toBe(200);
    });

    it('malformed hex, wrong lengths, unknown banks, bad options and too many hashes', async () => {
      const bad = await matchJson({ hashes: [{ hash: 'zz'.repeat(32) }, { hash: 'a'.repeat(63) }, { type: 'sha256', hash: 'b'.repeat(32) }, { hash: 'c'.repeat(64) }] });
      expectProblem(bad, 400, 'media.invalid_hash');
      const errors = (bad.json() as unknown as { errors: { path: string; code: string; params: object }[] }).errors;
      expect(errors.map((e) => e.path)).toEqual(['body.hashes.0.hash', 'body.hashes.1.hash', 'body.hashes.2.hash']);
      expect(errors.map((e) => e.code)).toEqual(['hash_not_hex', 'hash_length', 'hash_length']);
      expect(errors[2]!.params).toEqual({ type: 'sha256', expected: 64, actual: 32 });
      expectProblem(await matchJson({ hashes: [{ hash: 'c'.repeat(64) }], banks: ['no such bank'] }), 404, 'bank.not_found');
      expectProblem(await matchJson({ hashes: [{ hash: 'c'.repeat(64) }], threshold: 65 }), 400, 'validation.failed');
      expectProblem(await matchJson({ hashes: [] }), 400, 'validation.failed');
      expectProblem(await matchJson({ hashes: Array.from({ length: 1001 }, () => ({ hash: 'c'.repeat(64) })) }), 400, 'validation.failed');
      expectProblem(await matchJson({ hashes: [{ hash: 'c'.repeat(64), extra: 1 }] }), 400, 'validation.failed');
      expectProblem(await upload('/api/v1/match', [{ filename: 'one.png', bytes: image }], { threshold: 'lots' }), 400, 'validation.failed');
      expectProblem(await upload('/api/v1/match', [{ filename: 'one.png', bytes: image }], { banks: 'no such bank' }), 404, 'bank.not_found');
    });

    it('a batch of 1,000 hashes is answered in full', async () => {
      const res = await matchJson({ hashes: Array.from({ length: 1000 }, () => ({ hash: randomBytes(32).toString('hex') })) }, apiKey);
      expect(res.statusCode).toBe(200);
      expect(res.json().results).toHaveLength(1000);
    });
  });
});
