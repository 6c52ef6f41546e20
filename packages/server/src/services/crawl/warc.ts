import { randomUUID } from 'node:crypto';
import { sha256Hex } from '../../auth/tokens.js';
import type { HttpExchange } from '../../net/safeFetch.js';

/**
 * WARC/1.1 (ISO 28500:2017) writing and reading. A capture is one WARC file: a `warcinfo` record (software,
 * profile, run), then a `request` and a `response` record per HTTP exchange (every redirect hop, then the final
 * answer). Digests are `sha256:<hex>` of the record block (WARC-Block-Digest) and of the response body as
 * received (WARC-Payload-Digest).
 *
 * undici hands over parsed headers, not the raw bytes of the wire: the request and status lines and header
 * lines are rebuilt from them (names and values as received, order kept). The body is kept as received
 * (still content-encoded); `Transfer-Encoding` is renamed `X-Crawler-Transfer-Encoding` because the chunking
 * itself is not kept.
 */
export interface WarcRecord {
  headers: Array<[string, string]>;
  block: Buffer;
}

const CRLF = '\r\n';

function record(type: string, fields: Array<[string, string | null | undefined]>, block: Buffer, contentType: string): Buffer {
  const headers: Array<[string, string]> = [
    ['WARC-Type', type],
    ['WARC-Record-ID', `<urn:uuid:${randomUUID()}>`],
    ...(fields.filter(([, v]) => v !== null && v !== undefined) as Array<[string, string]>),
    ['WARC-Block-Digest', `sha256:${sha256Hex(block)}`],
    ['Content-Type', contentType],
    ['Content-Length', String(block.length)],
  ];
  const head = `WARC/1.1${CRLF}${headers.map(([k, v]) => `${k}: ${oneLine(v)}`).join(CRLF)}${CRLF}${CRLF}`;
  return Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from(CRLF + CRLF)]);
}

const oneLine = (v: string) => v.replace(/[\r\n]+/g, ' ');

export interface WarcInfo {
  software: string;
  profile: string | null;
  profileVersion: number | null;
  runId: string | null;
  kind: string;
}

/** The WARC file of one capture: warcinfo, then request/response per exchange. */
export function buildWarc(exchanges: readonly HttpExchange[], info: WarcInfo, capturedAt: Date): Buffer {
  const infoBlock = Buffer.from(
    [
      `software: ${info.software}`,
      'format: WARC File Format 1.1',
      'conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
      `captureKind: ${info.kind}`,
      ...(info.profile ? [`profile: ${info.profile}`, `profileVersion: ${info.profileVersion ?? ''}`] : []),
      ...(info.runId ? [`crawlRun: ${info.runId}`] : []),
      '',
    ].join(CRLF),
    'utf8',
  );
  const parts = [record('warcinfo', [['WARC-Date', capturedAt.toISOString()], ['WARC-Filename', 'capture.warc']], infoBlock, 'application/warc-fields')];
  for (const ex of exchanges) {
    const date = ex.startedAt.toISOString();
    const target = new URL(ex.url);
    const reqBlock = Buffer.from(
      `${ex.method} ${target.pathname}${target.search} HTTP/1.1${CRLF}${ex.requestHeaders.map(([k, v]) => `${k}: ${oneLine(v)}`).join(CRLF)}${CRLF}${CRLF}`,
      'utf8',
    );
    const respHead = Buffer.from(
      `HTTP/1.1 ${ex.status} ${ex.statusText}${CRLF}${ex.responseHeaders
        .map(([k, v]) => `${k.toLowerCase() === 'transfer-encoding' ? 'X-Crawler-Transfer-Encoding' : k}: ${oneLine(v)}`)
        .join(CRLF)}${CRLF}${CRLF}`,
      'utf8',
    );
    const response = record(
      'response',
      [
        ['WARC-Date', date],
        ['WARC-Target-URI', ex.url],
        ['WARC-IP-Address', ex.remoteAddress],
        ['WARC-Payload-Digest', `sha256:${sha256Hex(ex.body)}`],
        ['WARC-Truncated', ex.truncated ? 'length' : null],
      ],
      Buffer.concat([respHead, ex.body]),
      'application/http;msgtype=response',
    );
    const responseId = /WARC-Record-ID: (<[^>]+>)/.exec(response.subarray(0, 400).toString('utf8'))![1]!;
    parts.push(record('request', [['WARC-Date', date], ['WARC-Target-URI', ex.url], ['WARC-Concurrent-To', responseId]], reqBlock, 'application/http;msgtype=request'));
    parts.push(response);
  }
  return Buffer.concat(parts);
}

/** Reads every record of a WARC file; throws on a malformed one. */
export function readWarc(bytes: Buffer): WarcRecord[] {
  const out: WarcRecord[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at);
    if (end < 0) throw new Error(`malformed WARC record at byte ${at}`);
    const lines = bytes.subarray(at, end).toString('utf8').split(CRLF);
    if (!/^WARC\/1\.[01]$/.test(lines[0] ?? '')) throw new Error(`not a WARC record at byte ${at}`);
    const headers = lines.slice(1).map((l): [string, string] => {
      const i = l.indexOf(':');
      return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
    });
    const length = Number(headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1]);
    if (!Number.isInteger(length) || length < 0) throw new Error(`WARC record at byte ${at} has no valid Content-Length`);
    const blockStart = end + 4;
    if (blockStart + length + 4 > bytes.length) throw new Error(`WARC record at byte ${at} is cut short`);
    out.push({ headers, block: bytes.subarray(blockStart, blockStart + length) });
    at = blockStart + length + 4;
  }
  return out;
}

export const warcHeader = (r: WarcRecord, name: string) => r.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? null;

/** Every record whose block no longer matches its WARC-Block-Digest (index and type). */
export function checkWarcDigests(bytes: Buffer): Array<{ index: number; type: string | null }> {
  return readWarc(bytes)
    .map((r, index) => ({ index, type: warcHeader(r, 'WARC-Type'), digest: warcHeader(r, 'WARC-Block-Digest'), block: r.block }))
    .filter((r) => r.digest !== `sha256:${sha256Hex(r.block)}`)
    .map(({ index, type }) => ({ index, type }));
}
