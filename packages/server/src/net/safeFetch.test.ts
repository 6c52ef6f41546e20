import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressPolicy, embeddedIpv4 } from './addressPolicy.js';
import { FetchError, SafeFetcher } from './safeFetch.js';

describe('AddressPolicy', () => {
  const policy = new AddressPolicy();
  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a9fe:a9fe', '2002:c0a8:0101::1', '::127.0.0.1',
  ])('refuses %s', (address) => {
    expect(policy.refusal(address)).not.toBeNull();
  });
  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:93.184.216.34'])('allows public %s', (address) => {
    expect(policy.refusal(address)).toBeNull();
  });
  it('lets an explicit allow-list through, and only what it names', () => {
    const p = new AddressPolicy(['127.0.0.1', '10.9.0.0/16']);
    expect(p.refusal('127.0.0.1')).toBeNull();
    expect(p.refusal('::ffff:127.0.0.1')).toBeNull();
    expect(p.refusal('10.9.3.4')).toBeNull();
    expect(p.refusal('127.0.0.2')).not.toBeNull();
    expect(p.refusal('10.8.0.1')).not.toBeNull();
    expect(() => new AddressPolicy(['not-an-ip'])).toThrow(/not an IP/);
  });
  it('finds IPv4 inside IPv6', () => {
    expect(embeddedIpv4('::ffff:192.168.0.1')).toBe('192.168.0.1');
    expect(embeddedIpv4('2002:0a00:0001::')).toBe('10.0.0.1');
    expect(embeddedIpv4('2606:4700::1')).toBeNull();
  });
});

describe('SafeFetcher against a local server', () => {
  let server: Server;
  let base: string;
  let lastHeaders: Record<string, string | string[] | undefined> = {};
  const allowed = () => new SafeFetcher({ allowPrivate: ['127.0.0.1'], userAgent: 'CentinelaCrawler/test (+https://example.org/crawler)', maxBytes: 64 * 1024, timeoutMs: 1500 });

  beforeAll(async () => {
    server = createServer((req, res) => {
      lastHeaders = req.headers;
      const u = new URL(req.url!, 'http://x');
      const n = Number(u.searchParams.get('n') ?? 0);
      switch (u.pathname) {
        case '/ok':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'track=1' }).end('<p>hola</p>');
          return;
        case '/chain':
          res.writeHead(302, { location: n < 3 ? `/chain?n=${n + 1}` : '/ok' }).end();
          return;
        case '/loop':
          res.writeHead(301, { location: '/loop2' }).end();
          return;
        case '/loop2':
          res.writeHead(301, { location: '/loop' }).end();
          return;
        case '/to-private':
          res.writeHead(302, { location: 'http://127.0.0.2:1/secret' }).end();
          return;
        case '/to-metadata':
          res.writeHead(302, { location: 'http://[::ffff:169.254.169.254]/latest' }).end();
          return;
        case '/big':
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(Buffer.alloc(200 * 1024, 'a'));
          return;
        case '/bomb': {
          const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0));
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb);
          return;
        }
        case '/gz':
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync('<p>comprimido</p>'));
          return;
        case '/endless': {
          res.writeHead(200, { 'content-type': 'text/html' });
          const t = setInterval(() => res.write('x'.repeat(1024)), 5);
          res.on('close', () => clearInterval(t));
          return;
        }
        case '/slow':
          setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('late'), 4000).unref();
          return;
        case '/pdf':
          res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
          return;
        default:
          res.writeHead(404, { 'content-type': 'text/plain' }).end('nope');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const code = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      if (err instanceof FetchError) return err.code;
      throw err;
    }
    return 'ok';
  };

  it('refuses loopback unless allowed, and never by name either', async () => {
    const strict = new SafeFetcher({ userAgent: 'x' });
    expect(await code(strict.fetch(`${base}/ok`))).toBe('fetch.blocked_address');
    expect(await code(strict.fetch(`http://localhost:${new URL(base).port}/ok`))).toBe('fetch.blocked_address');
    expect(await code(strict.fetch('http://[::1]/'))).toBe('fetch.blocked_address');
    expect(await code(strict.fetch('ftp://example.org/'))).toBe('fetch.bad_scheme');
    expect(await code(strict.fetch('http://user:pw@example.org/'))).toBe('fetch.credentials_in_url');
    expect(await code(strict.fetch('http://abcdefghijklmnop.onion/'))).toBe('fetch.onion_disabled');
    await strict.close();
  });

  it('fetches an allowed page with its User-Agent, no cookies or credentials, and records the exchange', async () => {
    const f = allowed();
    const r = await f.fetch(`${base}/ok`, { headers: { Cookie: 'a=b', Authorization: 'Bearer x', 'If-None-Match': '"v1"' }, accept: ['text/html'] });
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe('<p>hola</p>');
    expect(r.contentType).toBe('text/html');
    expect(lastHeaders['user-agent']).toMatch(/^CentinelaCrawler\/test \(\+https:\/\/example.org\/crawler\)$/);
    expect(lastHeaders.cookie).toBeUndefined();
    expect(lastHeaders.authorization).toBeUndefined();
    expect(lastHeaders['if-none-match']).toBe('"v1"');
    expect(r.exchanges).toHaveLength(1);
    expect(r.exchanges[0]!.remoteAddress).toBe('127.0.0.1');
    // A second request on the same connection still sends no cookie back.
    await f.fetch(`${base}/ok`);
    expect(lastHeaders.cookie).toBeUndefined();
    await f.close();
  });

  it('follows redirects within the limit, checks every hop, and stops loops', async () => {
    const f = allowed();
    const r = await f.fetch(`${base}/chain`);
    expect(r.exchanges.map((e) => e.status)).toEqual([302, 302, 302, 302, 200]);
    expect(r.url).toBe(`${base}/ok`);
    expect(await code(f.fetch(`${base}/chain`, { maxRedirects: 2 }))).toBe('fetch.too_many_redirects');
    expect(await code(f.fetch(`${base}/loop`))).toBe('fetch.redirect_loop');
    expect(await code(f.fetch(`${base}/to-private`))).toBe('fetch.blocked_address');
    expect(await code(f.fetch(`${base}/to-metadata`))).toBe('fetch.blocked_address');
    await f.close();
  });

  it('holds size, decoding, time and content-type limits', async () => {
    const f = allowed();
    expect(await code(f.fetch(`${base}/big`))).toBe('fetch.too_large');
    expect(await code(f.fetch(`${base}/bomb`))).toBe('fetch.too_large');
    expect((await f.fetch(`${base}/gz`)).body.toString()).toBe('<p>comprimido</p>');
    expect(await code(f.fetch(`${base}/endless`))).toBe('fetch.too_large');
    expect(await code(f.fetch(`${base}/slow`))).toBe('fetch.timeout');
    expect(await code(f.fetch(`${base}/pdf`, { accept: ['text/html'] }))).toBe('fetch.content_type');
    expect((await f.fetch(`${base}/missing`, { accept: ['text/html'] })).status).toBe(404);
    await f.close();
  });
});

describe('SafeFetcher and Tor', () => {
  let web: Server;
  let socks: import('node:net').Server;
  let webPort = 0;
  let proxyUrl = '';
  const asked: string[] = [];

  beforeAll(async () => {
    const net = await import('node:net');
    web = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`onion says hi to ${req.headers.host}`));
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    webPort = (web.address() as AddressInfo).port;
    // A minimal SOCKS5 proxy standing in for Tor: records the host it is asked for, connects to the local server.
    socks = net.createServer((client) => {
      let stage = 0;
      let buf = Buffer.alloc(0);
      const onData = (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        if (stage === 0 && buf.length >= 2 && buf.length >= 2 + buf[1]!) {
          buf = buf.subarray(2 + buf[1]!);
          client.write(Buffer.from([5, 0]));
          stage = 1;
        }
        if (stage === 1 && buf.length >= 5) {
          const atyp = buf[3]!;
          const len = atyp === 3 ? 5 + buf[4]! + 2 : atyp === 1 ? 4 + 4 + 2 : 4 + 16 + 2;
          if (buf.length < len) return;
          asked.push(atyp === 3 ? buf.subarray(5, 5 + buf[4]!).toString() : `atyp:${atyp}`);
          const rest = buf.subarray(len);
          client.off('data', onData);
          const upstream = net.connect(webPort, '127.0.0.1', () => {
            client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
            if (rest.length) upstream.write(rest);
            client.pipe(upstream).pipe(client);
          });
          upstream.on('error', () => client.destroy());
          stage = 2;
        }
      };
      client.on('data', onData);
      client.on('error', () => undefined);
    });
    await new Promise<void>((r) => socks.listen(0, '127.0.0.1', r));
    proxyUrl = `socks5://127.0.0.1:${(socks.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    web.closeAllConnections();
    await new Promise((r) => web.close(r));
    await new Promise((r) => socks.close(r));
  });

  it('sends .onion hosts, by name, through the operator’s proxy, and nothing else', async () => {
    const f = new SafeFetcher({ userAgent: 'x', torProxy: proxyUrl, allowPrivate: ['127.0.0.1'], timeoutMs: 3000 });
    const onion = 'abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion';
    const r = await f.fetch(`http://${onion}/`);
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe(`onion says hi to ${onion}`);
    expect(asked).toEqual([onion]); // the name, for Tor to resolve: never a local DNS lookup
    await f.fetch(`http://127.0.0.1:${webPort}/`);
    expect(asked).toEqual([onion]);
    await f.close();
  });
});
