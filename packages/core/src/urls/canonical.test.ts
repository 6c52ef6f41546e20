import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, isTrackingParam } from './canonical.js';

const url = (raw: string, options?: Parameters<typeof canonicalizeUrl>[1]) => {
  const c = canonicalizeUrl(raw, options);
  return c.ok ? c.url : c.reason;
};

describe('canonicalizeUrl', () => {
  it('keeps the path as given, trailing slash included', () => {
    expect(url('https://host.example/ad/123/')).toBe('https://host.example/ad/123/');
    expect(url('https://host.example/ad/123')).toBe('https://host.example/ad/123');
    expect(url('https://host.example/ad/123//')).toBe('https://host.example/ad/123//');
    expect(url('https://host.example/ad/123/?utm_source=x#top')).toBe('https://host.example/ad/123/');
    expect(url('https://host.example')).toBe('https://host.example/');
    expect(url('https://host.example?b=1')).toBe('https://host.example/?b=1');
  });

  it('lower-cases scheme and host, drops the default port, the host trailing dot and the fragment', () => {
    expect(url('HTTPS://Host.EXAMPLE.:443/Path/X?A=1#frag')).toBe('https://host.example/Path/X?A=1');
    expect(url('http://host.example:80/a')).toBe('http://host.example/a');
    expect(url('http://host.example:8080/a')).toBe('http://host.example:8080/a');
    expect(url('https://host.example:443/a#')).toBe('https://host.example/a');
    expect(canonicalizeUrl('http://Host.Example./a')).toEqual({ ok: true, url: 'http://host.example/a', host: 'host.example' });
  });

  it('removes the tracking parameters the crawler and the hotline each dropped', () => {
    const all = 'utm_source=a&utm_medium=b&fbclid=c&gclid=d&mc_eid=e&mc_cid=f&mc_tc=g&_ga=h&igshid=i&ref_src=j&UTM_Campaign=k';
    expect(url(`https://host.example/p?id=7&${all}`)).toBe('https://host.example/p?id=7');
    expect(url(`https://host.example/p?${all}`)).toBe('https://host.example/p');
    for (const name of ['utm_term', 'fbclid', 'gclid', 'mc_eid', 'mc_cid', '_ga', 'igshid', 'ref_src']) expect(isTrackingParam(name)).toBe(true);
    for (const name of ['id', 'ref', 'utm', 'ga', 'page']) expect(isTrackingParam(name)).toBe(false);
  });

  it('sorts the remaining query parameters by name, stably and without a locale', () => {
    expect(url('https://host.example/p?z=1&a=2&m=3')).toBe('https://host.example/p?a=2&m=3&z=1');
    // Repeated names keep their order: `?a=2&a=1` may not mean `?a=1&a=2`.
    expect(url('https://host.example/p?b=x&a=2&a=1&a=3')).toBe('https://host.example/p?a=2&a=1&a=3&b=x');
    // Code-unit order: upper case before lower case, whatever the machine's locale.
    expect(url('https://host.example/p?b=1&B=2&a=3')).toBe('https://host.example/p?B=2&a=3&b=1');
    expect(url('https://host.example/p?z=1&a=2')).toBe(url('https://host.example/p?a=2&z=1'));
  });

  it('refuses credentials by default, strips them when asked', () => {
    expect(canonicalizeUrl('https://user:pw@host.example/a/')).toEqual({ ok: false, reason: 'credentials' });
    expect(canonicalizeUrl('https://user@host.example/a/')).toEqual({ ok: false, reason: 'credentials' });
    expect(url('https://user:pw@host.example/a/', { credentials: 'strip' })).toBe('https://host.example/a/');
  });

  it('reads a bare domain as http only when asked, and resolves relative links against a base', () => {
    expect(url('host.example/ad/1/', { assumeHttp: true })).toBe('http://host.example/ad/1/');
    expect(url('Host.Example', { assumeHttp: true })).toBe('http://host.example/');
    expect(url('host.example/ad/1/')).toBe('invalid');
    expect(url('/ad/1/', { base: 'https://host.example/list' })).toBe('https://host.example/ad/1/');
    expect(url('../b/?utm_source=x', { base: 'https://host.example/a/list/' })).toBe('https://host.example/a/b/');
    expect(url('https://other.example/x', { base: 'https://host.example/' })).toBe('https://other.example/x');
  });

  it('handles IPv6 hosts and gives the host without brackets', () => {
    expect(canonicalizeUrl('http://[2001:DB8::1]:80/ad/5/')).toEqual({ ok: true, url: 'http://[2001:db8::1]/ad/5/', host: '2001:db8::1' });
    expect(canonicalizeUrl('http://[::1]:8080/')).toEqual({ ok: true, url: 'http://[::1]:8080/', host: '::1' });
  });

  it('refuses input longer than the limit, only when a limit is given', () => {
    const long = `https://host.example/${'a'.repeat(3000)}`;
    expect(canonicalizeUrl(long, { maxLength: 2048 })).toEqual({ ok: false, reason: 'too_long' });
    expect(canonicalizeUrl(long).ok).toBe(true);
    expect(canonicalizeUrl(`  https://host.example/${'a'.repeat(2027)}  `, { maxLength: 2048 }).ok).toBe(true);
  });

  it('refuses other schemes and junk', () => {
    for (const bad of ['ftp://host.example/', 'javascript:alert(1)', 'mailto:a@b.example', 'data:text/html,x', 'file:///etc/passwd']) {
      expect(canonicalizeUrl(bad)).toEqual({ ok: false, reason: 'scheme' });
    }
    expect(canonicalizeUrl('javascript:alert(1)', { assumeHttp: true })).toEqual({ ok: false, reason: 'scheme' });
    for (const bad of ['', 'http://', 'http://[bad', 'not a url', 'http://./']) expect(canonicalizeUrl(bad)).toEqual({ ok: false, reason: 'invalid' });
  });
});
