import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { STATUS_CODES } from 'node:http';
import { isIP, type LookupFunction } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { Agent, Socks5ProxyAgent, request, type Dispatcher } from 'undici';
import type { Config } from '../config/config.js';
import { VERSION } from '../version.js';
import { AddressPolicy } from './addressPolicy.js';

/** Stable reasons a fetch was refused or failed; the crawler stores them and the API shows them. */
export type FetchErrorCode =
  | 'fetch.bad_url'
  | 'fetch.bad_scheme'
  | 'fetch.credentials_in_url'
  | 'fetch.blocked_address'
  | 'fetch.onion_disabled'
  | 'fetch.too_many_redirects'
  | 'fetch.redirect_loop'
  | 'fetch.too_large'
  | 'fetch.timeout'
  | 'fetch.content_type'
  | 'fetch.bad_encoding'
  | 'fetch.network';

export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    /** The exchanges that did happen before the refusal (a redirect chain, a response too large), for evidence. */
    readonly exchanges: HttpExchange[] = [],
  ) {
    super(message);
  }
}

/** One request and its response, as sent and received: what a WARC request/response record pair holds. */
export interface HttpExchange {
  url: string;
  method: 'GET' | 'HEAD';
  requestHeaders: Array<[string, string]>;
  status: number;
  statusText: string;
  responseHeaders: Array<[string, string]>;
  /** The body as it came over the wire (still content-encoded); cut at the size limit when `truncated`. */
  body: Buffer;
  truncated: boolean;
  /** The address connected to, when known (DNS answer checked by the policy). */
  remoteAddress: string | null;
  startedAt: Date;
}

export interface SafeFetchResult {
  url: string;
  status: number;
  /** Final response headers, names lower-cased (repeated headers joined with ", "). */
  headers: Record<string, string>;
  contentType: string | null;
  /** The final body, content-decoded. */
  body: Buffer;
  /** Every hop, redirects first, the final response last. */
  exchanges: HttpExchange[];
}

export interface FetchOptions {
  method?: 'GET' | 'HEAD';
  /** Extra request headers (conditional requests, Accept). Credentials and cookies are never sent. */
  headers?: Record<string, string>;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Accepted media types of a 2xx response (`text/html`, `image/`): a prefix match; omit to accept any. */
  accept?: readonly string[];
  signal?: AbortSignal;
}

export interface SafeFetcherOptions {
  /** Addresses or networks that may be reached although private or loopback (tests: `127.0.0.1`). */
  allowPrivate?: readonly string[];
  userAgent: string;
  /** socks5:// proxy for `.onion` hosts only; `.onion` is refused without it. */
  torProxy?: string | undefined;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

// Never sent, whatever a caller passes: the crawler does not log in and keeps no cookies.
const FORBIDDEN_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization', 'host', 'user-agent', 'content-length', 'transfer-encoding', 'connection']);

/** Canonical User-Agent: names the software and version, and where site operators can learn about it and object. */
export function crawlerUserAgent(config: Pick<Config, 'crawlContactUrl'>): string {
  // The web UI's /crawler page needs a sign-in, so it is no contact for site operators: the operator sets one.
  const contact = config.crawlContactUrl ?? 'https://centinela.dev/crawler';
  return `CentinelaCrawler/${VERSION} (+${contact})`;
}

/**
 * HTTP(S) fetches that are safe to point at URLs found on the open web.
 *
 * The DNS answer is checked inside the socket's own lookup, so the address checked is the address connected to
 * (no DNS-rebinding window); IP literals are checked before connecting; every redirect hop is checked again.
 * Size, time and redirect limits hold for every hop, and compressed bodies are limited after decoding too.
 */
export class SafeFetcher {
  readonly #policy: AddressPolicy;
  readonly #agent: Agent;
  readonly #tor: Dispatcher | null;
  readonly #lastAddress = new Map<string, string>();

  constructor(private readonly opts: SafeFetcherOptions) {
    this.#policy = new AddressPolicy(opts.allowPrivate ?? []);
    const checkedLookup: LookupFunction = (hostname, options, callback) => {
      dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses: LookupAddress[]) => {
        if (err) return callback(err, '', 0);
        const ok = addresses.filter((a) => this.#policy.refusal(a.address) === null);
        if (ok.length === 0) {
          const e = Object.assign(new Error(`${hostname} resolves only to refused addresses`), { code: 'ECENTINELA_BLOCKED' });
          return callback(e, '', 0);
        }
        this.#lastAddress.set(hostname, ok[0]!.address);
        if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, ok);
        else callback(null, ok[0]!.address, ok[0]!.family);
      });
    };
    const timeout = opts.timeoutMs ?? 30_000;
    this.#agent = new Agent({
      connect: { lookup: checkedLookup, timeout },
      headersTimeout: timeout,
      bodyTimeout: timeout,
      connections: 4,
      keepAliveTimeout: 4_000,
    });
    this.#tor = opts.torProxy ? new Socks5ProxyAgent(opts.torProxy, { headersTimeout: timeout, bodyTimeout: timeout }) : null;
  }

  get userAgent(): string {
    return this.opts.userAgent;
  }

  /** Refusal for a URL before any connection: scheme, credentials, IP literals, `.onion` without a proxy. */
  checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new FetchError('fetch.bad_url', 'not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('fetch.bad_scheme', `${url.protocol} URLs are not fetched`);
    if (url.username || url.password) throw new FetchError('fetch.credentials_in_url', 'URLs with credentials are not fetched');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const why = this.#policy.refusal(host);
      if (why) throw new FetchError('fetch.blocked_address', `${host} is ${why}`);
    }
    if (host.endsWith('.onion') && !this.#tor) throw new FetchError('fetch.onion_disabled', '.onion addresses need the Tor proxy, which is not enabled');
    return url;
  }

  async fetch(raw: string, opts: FetchOptions = {}): Promise<SafeFetchResult> {
    const maxBytes = opts.maxBytes ?? this.opts.maxBytes ?? 10 * 1024 * 1024;
    const maxRedirects = opts.maxRedirects ?? this.opts.maxRedirects ?? 5;
    const timeoutMs = opts.timeoutMs ?? this.opts.timeoutMs ?? 30_000;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline;
    const exchanges: HttpExchange[] = [];
    const seen = new Set<string>();
    let url = this.checkUrl(raw);
    for (let hop = 0; ; hop++) {
      seen.add(url.href);
      const exchange = await this.#exchange(url, opts, maxBytes, signal, deadline, exchanges);
      exchanges.push(exchange);
      const location = exchange.status >= 300 && exchange.status < 400 ? header(exchange.responseHeaders, 'location') : null;
      if (location !== null && exchange.status !== 304) {
        if (hop >= maxRedirects) throw new FetchError('fetch.too_many_redirects', `more than ${maxRedirects} redirects`, exchanges);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FetchError('fetch.bad_url', 'redirect to an invalid URL', exchanges);
        }
        next.hash = '';
        if (seen.has(next.href)) throw new FetchError('fetch.redirect_loop', 'redirect loop', exchanges);
        try {
          url = this.checkUrl(next.href);
        } catch (err) {
          if (err instanceof FetchError) throw new FetchError(err.code, `redirect refused: ${err.message}`, exchanges);
          throw err;
        }
        continue;
      }
      if (exchange.truncated) throw new FetchError('fetch.too_large', `response is larger than ${maxBytes} bytes`, exchanges);
      const headers = headerRecord(exchange.responseHeaders);
      const contentType = headers['content-type']?.split(';')[0]?.trim().toLowerCase() || null;
      if (opts.accept && exchange.status >= 200 && exchange.status < 300 && opts.method !== 'HEAD') {
        if (!contentType || !opts.accept.some((a) => contentType.startsWith(a))) {
          throw new FetchError('fetch.content_type', `content type ${contentType ?? '(none)'} is not accepted`, exchanges);
        }
      }
      const body = decode(exchange.body, headers['content-encoding'], maxBytes, exchanges);
      return { url: url.href, status: exchange.status, headers, contentType, body, exchanges };
    }
  }

  async #exchange(url: URL, opts: FetchOptions, maxBytes: number, signal: AbortSignal, deadline: AbortSignal, done: HttpExchange[]): Promise<HttpExchange> {
    const method = opts.method ?? 'GET';
    const requestHeaders: Array<[string, string]> = [
      ['Host', url.host],
      ['User-Agent', this.opts.userAgent],
      ['Accept', '*/*'],
      ['Accept-Encoding', 'gzip, deflate, br'],
    ];
    for (const [name, value] of Object.entries(opts.headers ?? {})) {
      if (FORBIDDEN_HEADERS.has(name.toLowerCase())) continue;
      const at = requestHeaders.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
      if (at >= 0) requestHeaders[at] = [name, value];
      else requestHeaders.push([name, value]);
    }
    const startedAt = new Date();
    const onion = url.hostname.endsWith('.onion');
    const dispatcher = onion ? this.#tor! : this.#agent;
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, {
        method,
        headers: requestHeaders.filter(([n]) => n !== 'Host').flatMap(([n, v]) => [n, v]),
        dispatcher,
        signal,
      });
    } catch (err) {
      throw toFetchError(err, deadline, done);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    try {
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        if (size + chunk.length > maxBytes) {
          chunks.push(chunk.subarray(0, maxBytes - size));
          size = maxBytes;
          truncated = true;
          res.body.destroy();
          break;
        }
        chunks.push(chunk);
        size += chunk.length;
      }
    } catch (err) {
      throw toFetchError(err, deadline, done);
    }
    const responseHeaders: Array<[string, string]> = [];
    const raw = res.headers;
    for (const [name, value] of Object.entries(raw)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) responseHeaders.push([name, v]);
    }
    return {
      url: url.href,
      method,
      requestHeaders,
      status: res.statusCode,
      statusText: STATUS_CODES[res.statusCode] ?? '',
      responseHeaders,
      body: Buffer.concat(chunks),
      truncated,
      remoteAddress: onion ? null : isIP(url.hostname.replace(/^\[|\]$/g, '')) ? url.hostname.replace(/^\[|\]$/g, '') : (this.#lastAddress.get(url.hostname) ?? null),
      startedAt,
    };
  }

  async close(): Promise<void> {
    await this.#agent.close();
    await this.#tor?.close();
  }
}

function header(headers: Array<[string, string]>, name: string): string | null {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;
}

function headerRecord(headers: Array<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [n, v] of headers) {
    const k = n.toLowerCase();
    out[k] = out[k] === undefined ? v : `${out[k]}, ${v}`;
  }
  return out;
}

/** Content decoding with the size limit applied to the output: a gzip bomb stops at `maxBytes`. */
function decode(body: Buffer, encoding: string | undefined, maxBytes: number, exchanges: HttpExchange[]): Buffer {
  const codings = (encoding ?? '').split(',').map((s) => s.trim().toLowerCase()).filter((s) => s && s !== 'identity');
  let out = body;
  try {
    for (const coding of codings.reverse()) {
      if (coding === 'gzip' || coding === 'x-gzip') out = gunzipSync(out, { maxOutputLength: maxBytes });
      else if (coding === 'br') out = brotliDecompressSync(out, { maxOutputLength: maxBytes });
      else if (coding === 'deflate') {
        try {
          out = inflateSync(out, { maxOutputLength: maxBytes });
        } catch (err) {
          if (err instanceof RangeError) throw err;
          out = inflateRawSync(out, { maxOutputLength: maxBytes });
        }
      } else throw new FetchError('fetch.bad_encoding', `unsupported content encoding ${coding}`, exchanges);
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new FetchError('fetch.too_large', `decoded response is larger than ${maxBytes} bytes`, exchanges);
    }
    throw new FetchError('fetch.bad_encoding', 'the compressed body is corrupt', exchanges);
  }
  return out;
}

function toFetchError(err: unknown, deadline: AbortSignal, exchanges: HttpExchange[]): FetchError {
  if (err instanceof FetchError) return err;
  const e = err as { code?: string; name?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code;
  if (code === 'ECENTINELA_BLOCKED') return new FetchError('fetch.blocked_address', e.message ?? 'blocked address', exchanges);
  if (deadline.aborted || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new FetchError('fetch.timeout', 'the server took too long', exchanges);
  }
  return new FetchError('fetch.network', `network error${code ? ` (${code})` : ''}`, exchanges);
}

const fetchers = new Map<string, SafeFetcher>();

/** The process's fetcher for a configuration (one connection pool per process). */
export function fetcherFor(config: Config): SafeFetcher {
  const key = JSON.stringify([config.crawlAllowPrivate, config.crawlTorProxy, config.crawlMaxBytes, config.crawlTimeoutMs, config.crawlContactUrl]);
  let f = fetchers.get(key);
  if (!f) {
    f = new SafeFetcher({
      allowPrivate: config.crawlAllowPrivate,
      userAgent: crawlerUserAgent(config),
      torProxy: config.crawlTorProxy,
      maxBytes: config.crawlMaxBytes,
      timeoutMs: config.crawlTimeoutMs,
    });
    fetchers.set(key, f);
  }
  return f;
}

/** Closes every cached fetcher's connections (tests, shutdown). */
export async function closeFetchers(): Promise<void> {
  const all = [...fetchers.values()];
  fetchers.clear();
  await Promise.all(all.map((f) => f.close()));
}
