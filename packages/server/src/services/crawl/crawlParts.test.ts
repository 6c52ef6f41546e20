import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './canonicalUrl.js';
import { decodeHtml, extractPage } from './extract.js';
import { compileProfile, mayFollow, parseProfile, validateProfile } from './profile.js';
import { robotsRules, sitemapLocations } from './robots.js';
import { readTar, writeTar } from './tar.js';
import { buildWarc, checkWarcDigests, readWarc, warcHeader } from './warc.js';
import { parseRetryAfter, sitemapText } from './crawler.js';
import { gzipSync } from 'node:zlib';

const base = { name: 'p', startUrls: ['https://ads.example/'], itemPages: '^/ad/\\d+$' };

describe('canonicalUrl', () => {
  it('gives one spelling per page', () => {
    expect(canonicalUrl('HTTPS://Ads.Example:443/a/../b?z=1&utm_source=x&a=2#frag')).toBe('https://ads.example/b?a=2&z=1');
    expect(canonicalUrl('http://ads.example')).toBe('http://ads.example/');
    expect(canonicalUrl('/ad/1', 'https://ads.example/list')).toBe('https://ads.example/ad/1');
    expect(canonicalUrl('http://user:pw@ads.example/')).toBe('http://ads.example/');
    // The path is kept as given: `/ad/1/` and `/ad/1` may be different pages (the hotline fetches the same form).
    expect(canonicalUrl('https://Ads.Example./ad/1/?ref_src=x&igshid=y&fbclid=z')).toBe('https://ads.example/ad/1/');
    expect(canonicalUrl('../2/', 'https://ads.example/ad/1/')).toBe('https://ads.example/ad/2/');
    for (const bad of ['javascript:alert(1)', 'mailto:a@b.c', 'ftp://x/', 'http://[bad']) expect(canonicalUrl(bad)).toBeNull();
  });
});

describe('profiles', () => {
  it('fills defaults and compiles link rules', () => {
    const p = validateProfile({ ...base, follow: ['^/list'], ignore: ['^/list/secret'] });
    expect(p.limits).toEqual({ maxDepth: 5, maxPages: 10_000, maxImagesPerItem: 5 });
    expect(p.politeness.delayMs).toBe(1000);
    const c = compileProfile(p);
    expect(mayFollow(c, new URL('https://ads.example/list?page=2'))).toBe(true);
    expect(mayFollow(c, new URL('https://ads.example/list/secret'))).toBe(false);
    expect(mayFollow(c, new URL('https://ads.example/ad/9'))).toBe(true); // item pages always
    expect(mayFollow(c, new URL('https://ads.example/about'))).toBe(false);
    expect(mayFollow(c, new URL('https://other.example/list'))).toBe(false);
  });
  it('refuses malformed profiles with the line and the reason', () => {
    const cases: Array<[string, RegExp]> = [
      ['name: Bad Name\nstartUrls: [https://a.example/]\nitemPages: x\n', /^line 1, name: must be lower-case/],
      ['name: p\nstartUrls: []\nitemPages: x\n', /^line 2, startUrls: needs at least one start URL/],
      ['name: p\nstartUrls: [https://a.example/]\nitemPages: x\npolitness: {}\n', /Unrecognized key: "politness"/],
      ['name: p\nname: q\n', /^line 2: /],
      ['{"name": "p", "startUrls": ["https://a.example/"], "itemPages": "["}', /itemPages: is not a valid regular expression/],
      ['- just\n- a list\n', /expected object/],
    ];
    for (const [text, reason] of cases) {
      try {
        parseProfile(text);
        expect.unreachable(text);
      } catch (err) {
        expect((err as { code: string }).code).toBe('crawl.invalid_profile');
        expect((err as Error).message).toMatch(reason);
      }
    }
  });
});

describe('extraction', () => {
  const c = compileProfile(validateProfile({ ...base, pagination: { selector: 'a.next' }, extract: { title: 'h1', text: { selector: '.d p', all: true }, price: '.price', images: '.g img' } }));
  it('reads links, pagination and fields; scripts never become text', () => {
    const html = `<html><head><base href="/sub/"></head><body><h1> Bici &lt;b&gt; </h1><div class="d"><p>uno</p><script>evil()</script><p>dos<br>tres</p></div>
      <span class="price">100</span><div class="g"><img src="a.png"><img src="https://cdn.example/b.png"></div>
      <a href="../ad/1#x">ad</a><a class="next" href="?page=2">next</a><a href="/x" rel="nofollow">no</a></body></html>`;
    const r = extractPage(html, 'https://ads.example/list/', c, true);
    expect(r.links).toEqual(['https://ads.example/ad/1', 'https://ads.example/sub/?page=2']);
    expect(r.pagination).toEqual(['https://ads.example/sub/?page=2']);
    expect(r.fields).toMatchObject({ title: 'Bici <b>', text: 'uno\ndos\ntres', price: '100', images: ['https://ads.example/sub/a.png', 'https://cdn.example/b.png'] });
    expect(r.fields!.text).not.toContain('evil');
  });
  it('falls back on JSON-LD and survives malformed blocks', () => {
    const ld = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': 'ClassifiedAd', name: 'Sofá', description: 'Casi nuevo', datePosted: '2026-10-01', offers: { price: 50, priceCurrency: 'EUR' }, contentLocation: { address: { addressLocality: 'Cuenca', addressCountry: 'EC' } }, image: ['/i.png'], seller: { telephone: '+593 2 555 0100' } }] };
    const html = `<script type="application/ld+json">{broken</script><script type="application/ld+json">${JSON.stringify(ld)}</script>`;
    expect(extractPage(html, 'https://ads.example/ad/2', c, true).fields).toEqual({
      title: 'Sofá', text: 'Casi nuevo', postedAt: '2026-10-01', location: 'Cuenca, EC', price: '50 EUR', contact: '+593 2 555 0100', images: ['https://ads.example/i.png'],
    });
  });
});

describe('decodeHtml', () => {
  it('follows the declared charset, header first, and never fails on invalid bytes', () => {
    const latin1 = Buffer.from('<p>Niñera, São Paulo</p>', 'latin1');
    expect(decodeHtml(latin1, 'text/html; charset=ISO-8859-1')).toBe('<p>Niñera, São Paulo</p>');
    expect(decodeHtml(Buffer.concat([Buffer.from('<meta charset="windows-1252">'), latin1]), 'text/html')).toContain('Niñera');
    expect(decodeHtml(Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xc3, 0x28]), 'text/html; charset=utf-8')).toBe('<p>\uFFFD\uFFFD\uFFFD(');
    expect(decodeHtml(Buffer.from('ok'), 'text/html; charset=x-no-such-charset')).toBe('ok');
  });
});

describe('robots.txt and sitemaps', () => {
  it('applies rules for our token, Crawl-delay, and the RFC 9309 status rules', () => {
    const r = robotsRules('https://a.example/robots.txt', 200, 'User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n\nUser-agent: OtherBot\nDisallow: /\n');
    expect(r.isAllowed('https://a.example/ad/1')).toBe(true);
    expect(r.isAllowed('https://a.example/private/x')).toBe(false);
    expect(r.crawlDelayMs).toBe(2000);
    expect(robotsRules('https://a.example/robots.txt', 200, 'User-agent: CentinelaCrawler\nDisallow: /\n').isAllowed('https://a.example/')).toBe(false);
    expect(robotsRules('https://a.example/robots.txt', 404, null).isAllowed('https://a.example/x')).toBe(true);
    expect(robotsRules('https://a.example/robots.txt', 503, null).isAllowed('https://a.example/x')).toBe(false);
    expect(robotsRules('https://a.example/robots.txt', null, null).isAllowed('https://a.example/x')).toBe(false);
  });
  it('lists sitemap locations', () => {
    expect(sitemapLocations('<urlset><url><loc> https://a.example/?a=1&amp;b=2 </loc></url><url><loc>https://a.example/2</loc></url></urlset>', 10)).toEqual(['https://a.example/?a=1&b=2', 'https://a.example/2']);
  });
  it('unpacks gzipped sitemap files within the size limit', () => {
    const xml = '<urlset><url><loc>https://a.example/1</loc></url></urlset>';
    expect(sitemapLocations(sitemapText(gzipSync(xml), 1024), 10)).toEqual(['https://a.example/1']);
    expect(sitemapText(gzipSync(Buffer.alloc(1_000_000)), 1024)).toBe(''); // a bomb yields nothing
    expect(sitemapText(Buffer.from(xml), 1024)).toBe(xml);
  });
  it('reads Retry-After as seconds or a date', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('WARC and tar', () => {
  const exchange = {
    url: 'https://a.example/ad/1?x=1',
    method: 'GET' as const,
    requestHeaders: [['Host', 'a.example'], ['User-Agent', 'CentinelaCrawler/0.1.0 (+https://example.org)']] as Array<[string, string]>,
    status: 200,
    statusText: 'OK',
    responseHeaders: [['content-type', 'text/html'], ['transfer-encoding', 'chunked']] as Array<[string, string]>,
    body: Buffer.from('<p>hola\r\n\r\nWARC/1.1</p>'),
    truncated: false,
    remoteAddress: '93.184.216.34',
    startedAt: new Date('2026-11-23T00:00:00Z'),
  };
  it('writes WARC/1.1 records that read back and check, and notices a changed byte', () => {
    const warc = buildWarc([exchange], { software: 'Centinela/0.1.0', profile: 'p', profileVersion: 3, runId: 'r1', kind: 'page' }, new Date('2026-11-23T00:00:01Z'));
    const records = readWarc(warc);
    expect(records.map((r) => warcHeader(r, 'WARC-Type'))).toEqual(['warcinfo', 'request', 'response']);
    expect(warcHeader(records[1]!, 'WARC-Concurrent-To')).toBe(warcHeader(records[2]!, 'WARC-Record-ID'));
    expect(records[1]!.block.toString()).toMatch(/^GET \/ad\/1\?x=1 HTTP\/1.1\r\nHost: a.example\r\n/);
    expect(records[2]!.block.toString()).toContain('X-Crawler-Transfer-Encoding: chunked');
    expect(records[2]!.block.toString().endsWith('<p>hola\r\n\r\nWARC/1.1</p>')).toBe(true);
    expect(warcHeader(records[2]!, 'WARC-IP-Address')).toBe('93.184.216.34');
    expect(checkWarcDigests(warc)).toEqual([]);
    const bad = Buffer.from(warc);
    bad[bad.lastIndexOf('hola')] = 0x48;
    expect(checkWarcDigests(bad)).toEqual([{ index: 2, type: 'response' }]);
    expect(() => readWarc(warc.subarray(0, warc.length - 10))).toThrow(/cut short/);
  });
  it('round-trips tar and refuses unsafe names', () => {
    const entries = [{ name: 'manifest.json', data: Buffer.from('{}') }, { name: 'warc/a.warc', data: Buffer.alloc(1000, 7) }];
    expect(readTar(writeTar(entries, new Date())).map((e) => [e.name, e.data.length])).toEqual([['manifest.json', 2], ['warc/a.warc', 1000]]);
    expect(() => writeTar([{ name: '../etc/passwd', data: Buffer.alloc(1) }], new Date())).toThrow();
    expect(() => readTar(Buffer.alloc(100, 1))).not.toThrow();
  });
});
