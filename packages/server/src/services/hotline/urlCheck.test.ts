import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureHost, type FixtureHost } from '../../test/hotline.js';
import { createUrlChecker, isPrivateAddress } from './urlCheck.js';

describe('default URL checker', () => {
  let host: FixtureHost;
  beforeAll(async () => {
    host = await startFixtureHost(['/here']);
  });
  afterAll(() => host.close());
  const now = () => new Date('2026-11-23T00:00:00.000Z');
  const check = createUrlChecker({ allowHosts: ['127.0.0.1'], now });

  it('tells present from gone, following redirects and falling back to GET when HEAD is refused', async () => {
    expect(await check(`${host.base}/here`)).toEqual({ state: 'present', httpStatus: 200, checkedAt: '2026-11-23T00:00:00.000Z' });
    expect(await check(`${host.base}/gone`)).toMatchObject({ state: 'gone', httpStatus: 404 });
    expect(await check(`${host.base}/moved/here`)).toMatchObject({ state: 'present', httpStatus: 200 });
    expect(await check(`${host.base}/nohead/here`)).toMatchObject({ state: 'present', httpStatus: 200 });
    expect(host.requests.some((r) => r.method === 'GET' && r.path === '/nohead/here')).toBe(true);
  });

  it('refuses private and loopback addresses unless allow-listed, credentials and other schemes', async () => {
    const strict = createUrlChecker({ now });
    expect(await strict(`${host.base}/here`)).toMatchObject({ state: 'error', httpStatus: null, reason: 'private_address' });
    expect(await strict('http://10.1.2.3/x')).toMatchObject({ reason: 'private_address' });
    expect(await strict('http://[::1]/x')).toMatchObject({ reason: 'private_address' });
    // A public name that resolves to a private address is refused too (checked on every hop).
    const rebinding = createUrlChecker({ now, resolve: async () => ['192.168.1.10'] });
    expect(await rebinding('https://looks-public.example/x')).toMatchObject({ reason: 'private_address' });
    expect(await check(`http://user:pw@127.0.0.1:${host.port}/here`)).toMatchObject({ state: 'error', reason: 'credentials' });
    expect(await check('ftp://127.0.0.1/x')).toMatchObject({ state: 'error', reason: 'scheme' });
    expect(await check('not a url')).toMatchObject({ state: 'error', reason: 'invalid_url' });
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('169.254.169.254')).toBe(true);
    expect(isPrivateAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isPrivateAddress('2001:4860:4860::8888')).toBe(false);
  });

  it('stops at a redirect loop', async () => {
    const loop = createUrlChecker({ allowHosts: ['127.0.0.1'], now, maxRedirects: 2 });
    expect(await loop(`${host.base}/moved/moved/moved/here`)).toMatchObject({ state: 'error', reason: 'too_many_redirects' });
  });
});
