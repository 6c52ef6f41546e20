import { createHmac, randomBytes } from 'node:crypto';
import { hmacHex, safeEqual } from '../../auth/tokens.js';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SlidingWindowLimiter } from '../../auth/rateLimiter.js';
import { MAX_REPORT_FILES, type IntakeFile } from '../../services/hotline/mediaIntake.js';
import { fileReport, publicStatus } from '../../services/hotline/reportService.js';
import { Problem } from '../../services/problem.js';
import type { Actor } from '../../services/deps.js';
import type { AppContext, Endpoint } from '../context.js';
import { FORM_CSS, renderForm, renderStatus, type FormValues, type Lang } from './publicReportHtml.js';
import type { PublicErrorKey } from './publicReportText.js';

/** A person filling the form takes seconds at least; a token older than this asks them to send again. */
export const FORM_MIN_SECONDS = 3;
export const FORM_MAX_SECONDS = 6 * 3600;
export const STATUS_LOOKUPS_PER_HOUR = 60;

const PUBLIC = { public: true, reason: 'public report form: no account, no IP address stored' } as const;
// No IP address reaches the database, not even in the audit of a refused request.
const anonymousActor: Actor = { type: 'public', id: null, ip: null };

function langOf(request: FastifyRequest, explicit?: string): Lang {
  if (explicit === 'es' || explicit === 'en') return explicit;
  const q = (request.query as { lang?: string } | undefined)?.lang;
  if (q === 'es' || q === 'en') return q;
  const accept = String(request.headers['accept-language'] ?? '').toLowerCase();
  const first = accept.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'es';
}

/** A time-stamped, keyed token: proves the form was fetched from us, and when (bots post at once or never fetch). */
function formTokens(ctx: AppContext) {
  const key = ctx.deps.keyring.derive('session-csrf');
  const mac = (issued: string) => createHmac('sha256', key).update(`public-report-form:${issued}`).digest('base64url');
  return {
    issue: () => {
      const issued = String(ctx.deps.clock.now().getTime());
      return `${issued}.${mac(issued)}`;
    },
    check: (token: string | undefined): 'ok' | 'invalid' | 'too_fast' | 'expired' => {
      const [issued, sig] = (token ?? '').split('.');
      if (!issued || !sig || !/^\d{10,16}$/.test(issued)) return 'invalid';
      if (!safeEqual(mac(issued), sig)) return 'invalid';
      const age = (ctx.deps.clock.now().getTime() - Number(issued)) / 1000;
      if (age < FORM_MIN_SECONDS) return 'too_fast';
      if (age > FORM_MAX_SECONDS) return 'expired';
      return 'ok';
    },
  };
}

interface ParsedForm {
  fields: Record<string, string>;
  files: IntakeFile[];
}

async function readForm(request: FastifyRequest): Promise<ParsedForm> {
  const fields: Record<string, string> = {};
  const files: IntakeFile[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const bytes = await part.toBuffer();
    // A browser sends an empty part for an empty file input.
    if (bytes.length === 0 && !part.filename) continue;
    files.push({ filename: part.filename || `file-${files.length + 1}`, bytes });
  }
  return { fields, files };
}

const ERROR_KEYS: Record<string, PublicErrorKey> = {
  'report.empty': 'empty',
  'report.invalid_url': 'invalid_url',
  'report.url_credentials': 'url_credentials',
  'report.file_type': 'file_type',
  'report.file_invalid': 'file_invalid',
  'media.empty_file': 'file_invalid',
  'request.too_large': 'too_large',
  'report.too_many_files': 'too_many_files',
  'validation.failed': 'too_long',
};

function uploadErrorKey(err: unknown): { status: number; key: PublicErrorKey } | null {
  const code = (err as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return { status: 413, key: 'too_large' };
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') return { status: 413, key: 'too_many_files' };
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PROTO_VIOLATION' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return { status: 400, key: 'generic' };
  if (err instanceof Error && /multipart|boundary|field size/i.test(err.message)) return { status: 400, key: 'generic' };
  return null;
}

/**
 * The public report form, served as plain HTML by the server: works without JavaScript, a few kilobytes,
 * Spanish and English, CSP-compliant (no inline script or style). Abuse is bounded by a per-client sliding
 * window (keyed by a salted hash of the address, in memory only), a global hourly cap counted in the database,
 * a honeypot field and a time-stamped form token. No IP address is stored.
 */
export const publicReportPages: Endpoint = (app, ctx) => {
  const tokens = formTokens(ctx);
  const perClient = new SlidingWindowLimiter(ctx.config.publicReportsPerClientPerHour, 3_600_000);
  // References are 40 random bits; a lookup limit per client makes guessing them pointless.
  const statusLookups = new SlidingWindowLimiter(STATUS_LOOKUPS_PER_HOUR, 3_600_000);
  const salt = randomBytes(32);
  const clientKey = (ip: string) => hmacHex(salt, ip);
  const maxFileMb = Math.max(1, Math.round(ctx.config.publicReportFileBytes / (1024 * 1024)));

  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

  app.get('/report/form.css', { config: { access: PUBLIC }, schema: { hide: true } }, async (_request, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(FORM_CSS),
  );

  app.get('/report', { config: { access: PUBLIC, storesNoIp: true }, schema: { hide: true } }, async (request, reply) =>
    html(reply, 200, renderForm(langOf(request), tokens.issue(), { maxFileMb })),
  );

  app.get('/report/status', { config: { access: PUBLIC, storesNoIp: true }, schema: { hide: true } }, async (request, reply) => {
    const q = request.query as { ref?: string; new?: string };
    const lang = langOf(request);
    const reference = typeof q.ref === 'string' ? q.ref.trim().toUpperCase().slice(0, 20) : undefined;
    if (reference && statusLookups.hit(clientKey(request.ip), ctx.deps.clock.now().getTime()) > 0) {
      return html(reply, 429, renderStatus(lang, { reference, limited: true }));
    }
    const found = reference ? await publicStatus(ctx.deps, reference) : null;
    return html(reply, reference && !found ? 404 : 200, renderStatus(lang, { ...(reference !== undefined ? { reference } : {}), found, isNew: q.new === '1' && !!found }));
  });

  void app.register(async (scope: FastifyInstance) => {
    await scope.register(multipart, {
      // 5,000 characters of description can take 20,000 bytes of UTF-8; a field over the limit would be cut silently.
      limits: { fileSize: ctx.config.publicReportFileBytes, files: MAX_REPORT_FILES, fields: 20, fieldSize: 24_000, parts: MAX_REPORT_FILES + 20 },
    });
    scope.post('/report', { config: { access: PUBLIC, storesNoIp: true }, schema: { hide: true }, bodyLimit: ctx.config.publicReportFileBytes * MAX_REPORT_FILES + 100_000 }, async (request, reply) => {
      const fallbackLang = langOf(request);
      const refuse = (status: number, key: PublicErrorKey, lang: Lang, values: FormValues = {}) =>
        html(reply, status, renderForm(lang, tokens.issue(), { values, error: key, maxFileMb }));
      // Limits first, before reading a byte of the body.
      const nowMs = ctx.deps.clock.now().getTime();
      if (perClient.hit(clientKey(request.ip), nowMs) > 0) return refuse(429, 'rate_limited', fallbackLang);
      const hourAgo = new Date(nowMs - 3_600_000).toISOString();
      const lastHour = await ctx.deps.db
        .selectFrom('hotline_report')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('channel', '=', 'public')
        .where('created_at', '>', hourAgo)
        .executeTakeFirstOrThrow();
      if (Number(lastHour.n) >= ctx.config.publicReportsPerHour) return refuse(429, 'rate_limited', fallbackLang);
      if (!request.isMultipart()) return refuse(400, 'generic', fallbackLang);

      let form: ParsedForm;
      try {
        form = await readForm(request);
      } catch (err) {
        const known = uploadErrorKey(err);
        if (!known) throw err;
        return refuse(known.status, known.key, fallbackLang);
      }
      const f = form.fields;
      const lang = langOf(request, f.lang);
      const values: FormValues = { url: f.url ?? '', platform: f.platform ?? '', description: f.description ?? '', child: f.child ?? '', anonymity: f.anonymity ?? '', contact: f.contact ?? '' };
      // A filled honeypot is a bot: refused, nothing stored.
      if (f.website) return refuse(400, 'generic', lang, values);
      const token = tokens.check(f.token);
      if (token === 'invalid' || token === 'too_fast') return refuse(400, 'generic', lang, values);
      if (token === 'expired') return refuse(400, 'expired', lang, values);
      if (f.anonymity !== 'anonymous' && f.anonymity !== 'contact') return refuse(400, 'choose_anonymity', lang, values);
      if (f.anonymity === 'contact' && !f.contact?.trim()) return refuse(400, 'contact_required', lang, values);
      const platform = ['web', 'social', 'messaging', 'classifieds', 'other'].includes(f.platform ?? '') ? f.platform! : null;
      try {
        const created = await fileReport(ctx.deps, ctx.blobs, anonymousActor, {
          channel: 'public',
          url: f.url || null,
          platform,
          description: f.description || null,
          childInvolved: f.child === 'yes',
          anonymous: f.anonymity === 'anonymous',
          contact: f.anonymity === 'contact' ? f.contact : null,
          language: lang,
          files: form.files,
        });
        // Post/redirect/get: a reload shows the status, it does not report twice.
        return reply.code(303).header('location', `/report/status?lang=${lang}&new=1&ref=${encodeURIComponent(created.reference)}`).send();
      } catch (err) {
        if (err instanceof Problem) return refuse(err.status >= 400 && err.status < 500 ? err.status : 400, ERROR_KEYS[err.code] ?? 'generic', lang, values);
        throw err;
      }
    });
  });
};
