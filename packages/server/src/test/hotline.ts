import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts (raw RFC 5322 text). */
export interface SmtpCapture {
  port: number;
  url: string;
  /** `text` is the raw message with quoted-printable undone, for asserting on non-ASCII bodies. */
  messages: Array<{ from: string; to: string[]; raw: string; text: string }>;
  /** Reject the next n messages with a temporary error (451), as a flaky relay would. */
  failNext(n: number): void;
  close(): Promise<void>;
}

/** Listens on `port` (0: any free port; the browser tests give a fixed one, the server under test is configured with it). */
export async function startSmtpCapture(port = 0): Promise<SmtpCapture> {
  const messages: SmtpCapture['messages'] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures > 0) {
          failures--;
          const err = new Error('try again later') as Error & { responseCode: number };
          err.responseCode = 451;
          callback(err);
          return;
        }
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          text: decodeQuotedPrintable(Buffer.concat(chunks).toString('latin1')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    messages,
    failNext: (n) => {
      failures = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A fixture web host on 127.0.0.1 whose pages can be taken down, to verify removal. */
export interface FixtureHost {
  port: number;
  base: string;
  present: Set<string>;
  requests: Array<{ method: string; path: string }>;
  close(): Promise<void>;
}

export async function startFixtureHost(paths: string[] = []): Promise<FixtureHost> {
  const present = new Set(paths);
  const requests: FixtureHost['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ method: req.method ?? 'GET', path });
    if (path.startsWith('/moved/')) {
      res.writeHead(301, { location: path.replace('/moved/', '/') });
      res.end();
      return;
    }
    if (path.startsWith('/nohead/') && req.method === 'HEAD') {
      res.writeHead(405);
      res.end();
      return;
    }
    const key = path.replace(/^\/nohead\//, '/');
    res.writeHead(present.has(key) ? 200 : 404, { 'content-type': 'text/html' });
    res.end(req.method === 'HEAD' ? undefined : '<p>fixture</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, base: `http://127.0.0.1:${port}`, present, requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A multipart/form-data body as a browser sends it. */
export function multipart(fields: Record<string, string>, files: Array<{ name: string; filename: string; type: string; bytes: Buffer }> = []): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----centinela${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\ncontent-type: ${f.type}\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The form token from a rendered public form. */
export function formToken(html: string): string {
  const m = /name="token" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no form token in the page');
  return m[1]!;
}

/** Undoes quoted-printable (soft breaks and =XX bytes), then reads UTF-8. */
export function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const s = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(s.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes).toString('utf8');
}
