import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isActionableClassification, type ReviewClassification } from '@centinela/core';
import { validateXML } from 'xmllint-wasm';
import { z } from 'zod';
import { enqueueOutbox } from '../../outbox/outboxService.js';
import { appendAudit } from '../auditService.js';
import { actorLabel } from '../deps.js';
import { isoNow } from '../clock.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { notFound, Problem } from '../problem.js';
import { appendSubjectEvent } from './events.js';
import { escapeHtml } from '../html.js';
import { openText, sealText } from '../sealing.js';

/** The XSD committed in the repository (packages/server/schemas); the same path from src/ and dist/. */
export const AUTHORITY_XSD_PATH = fileURLToPath(new URL('../../../schemas/authority-report.xsd', import.meta.url));
let xsd: string | null = null;
const schemaText = () => (xsd ??= readFileSync(AUTHORITY_XSD_PATH, 'utf8'));

export const reportedPersonSchema = z.strictObject({
  accountName: z.string().trim().max(500).optional(),
  screenName: z.string().trim().max(500).optional(),
  profileUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  email: z.string().trim().max(500).optional(),
  phone: z.string().trim().max(500).optional(),
  platform: z.string().trim().max(500).optional(),
});

export const authorityRequestSchema = z.strictObject({
  authority: z.string().trim().min(1).max(500),
  reportedPerson: reportedPersonSchema.optional(),
  additionalInformation: z.string().max(5000).optional(),
  deliver: z.union([z.strictObject({ email: z.email().max(300) }), z.strictObject({ webhookUrl: z.url({ protocol: /^https?$/ }).max(2000) })]).optional(),
});
export type AuthorityRequest = z.output<typeof authorityRequestSchema>;

/** What the report carries, as JSON; the XML is the same tree. Field order follows the XSD. */
export interface AuthorityReportDoc {
  version: '1';
  reportId: string;
  authority: string;
  createdAt: string;
  reporter: { organization: string; country?: string };
  incidentSummary: { incidentType: string; incidentDateTime: string; reportedToHotlineAt: string; reportCount: number; childInvolved: boolean };
  internetDetails: { webPage: Array<{ url: string; host: string; hostingProvider?: string; hostingCountry?: string; removedAt?: string }> };
  reportedPerson?: z.output<typeof reportedPersonSchema>;
  files: { file: Array<{ fileName: string; mimeType: string; size: number; md5: string; sha1: string; sha256: string; pdq?: string; reviewedByHuman: boolean; fileClassification: { classification: string; interpolCategory?: string } }> };
  assessment: { classification: string; interpolCategory?: string; traffickingIndicator: string[]; legalBasis: string; assessedAt: string };
  additionalInformation?: string;
}

/** XML elements follow the XSD's sequence, whatever order the request used. */
function inSchemaOrder(p: z.output<typeof reportedPersonSchema>): z.output<typeof reportedPersonSchema> {
  const out: Record<string, string> = {};
  for (const k of ['accountName', 'screenName', 'profileUrl', 'email', 'phone', 'platform'] as const) if (p[k]) out[k] = p[k];
  return out;
}

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'video/mp4': 'mp4', 'video/webm': 'webm' };

function incidentType(classification: string, child: boolean): string {
  if (classification === 'csam') return 'child_sexual_abuse_material';
  if (classification === 'trafficking') return child ? 'child_sex_trafficking' : 'human_trafficking';
  return 'other';
}

export async function buildAuthorityReport(deps: ServiceDeps, subjectId: string, req: AuthorityRequest, reportId: string): Promise<AuthorityReportDoc> {
  const s = await deps.db.selectFrom('hotline_subject').selectAll().where('id', '=', subjectId).executeTakeFirst();
  if (!s) throw notFound('subject');
  const decision = await deps.db.selectFrom('hotline_decision').selectAll().where('subject_id', '=', subjectId).orderBy('created_at', 'desc').executeTakeFirst();
  if (!decision || !isActionableClassification(decision.classification as ReviewClassification)) throw new Problem(409, 'authority.not_confirmed', 'an authority report needs a decision that the content is illegal');
  const provider = s.provider_id ? await deps.db.selectFrom('hotline_provider').select(['name', 'country']).where('id', '=', s.provider_id).executeTakeFirst() : undefined;
  const media = await deps.db.selectFrom('hotline_media').selectAll().where('subject_id', '=', subjectId).orderBy('created_at').execute();
  const seen = new Set<string>();
  const files = media.filter((m) => (seen.has(m.sha256) ? false : (seen.add(m.sha256), true)));
  const reveals = await deps.db.selectFrom('audit_log').select('target_id').where('action', '=', 'hotline.media.reveal').where('target_id', 'in', files.length ? files.map((f) => f.id) : ['-']).execute();
  const revealed = new Set(reveals.map((r) => r.target_id));
  const doc: AuthorityReportDoc = {
    version: '1',
    reportId,
    authority: req.authority,
    createdAt: isoNow(deps.clock),
    reporter: { organization: deps.config.hotlineName },
    incidentSummary: {
      incidentType: incidentType(decision.classification, s.child_involved === 1),
      incidentDateTime: s.first_reported_at,
      reportedToHotlineAt: s.first_reported_at,
      reportCount: s.report_count,
      childInvolved: s.child_involved === 1,
    },
    internetDetails: {
      webPage: s.url
        ? [{ url: s.url, host: s.host ?? '', ...(provider ? { hostingProvider: provider.name } : {}), ...(provider?.country ? { hostingCountry: provider.country } : {}), ...(s.removed_at ? { removedAt: s.removed_at } : {}) }]
        : [],
    },
    ...(req.reportedPerson && Object.keys(req.reportedPerson).length ? { reportedPerson: inSchemaOrder(req.reportedPerson) } : {}),
    files: {
      file: files.map((f) => ({
        fileName: `${f.sha256.slice(0, 16)}.${EXT[f.mime] ?? 'bin'}`,
        mimeType: f.mime,
        size: f.size,
        md5: f.md5,
        sha1: f.sha1,
        sha256: f.sha256,
        ...(f.pdq ? { pdq: f.pdq } : {}),
        reviewedByHuman: revealed.has(f.id),
        fileClassification: { classification: decision.classification, ...(decision.interpol_category ? { interpolCategory: decision.interpol_category } : {}) },
      })),
    },
    assessment: {
      classification: decision.classification,
      ...(decision.interpol_category ? { interpolCategory: decision.interpol_category } : {}),
      traffickingIndicator: JSON.parse(decision.trafficking_indicators) as string[],
      legalBasis: decision.legal_basis,
      assessedAt: decision.created_at,
    },
    ...(req.additionalInformation ? { additionalInformation: req.additionalInformation } : {}),
  };
  return doc;
}

const xmlText = (v: string) => escapeHtml(v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));

function element(name: string, value: unknown, indent: string): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => element(name, v, indent)).join('');
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v, `${indent}  `))
      .join('');
    return `${indent}<${name}>\n${inner}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${xmlText(String(value))}</${name}>\n`;
}

/** The report as XML in the `urn:centinela:authority-report:1` namespace (schemas/authority-report.xsd). */
export function authorityReportXml(doc: AuthorityReportDoc): string {
  const { version, ...body } = doc;
  const inner = Object.entries(body)
    .map(([k, v]) => element(k, v, '  '))
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<authorityReport xmlns="urn:centinela:authority-report:1" version="${version}">\n${inner}</authorityReport>\n`;
}

/** Validates XML against the committed XSD with libxml2 (compiled to WebAssembly). */
export async function validateAuthorityXml(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'authority-report.xsd', contents: schemaText() }] });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}

export interface AuthorityReportCreated {
  id: string;
  outboxId: string | null;
  doc: AuthorityReportDoc;
}

/**
 * Builds the report, validates its XML, stores it sealed and, when asked, queues it in the outbox (e-mail with
 * XML and JSON attached, or a webhook with the JSON), appending `authority_report_queued`.
 */
export async function createAuthorityReport(deps: ServiceDeps, actor: Actor, subjectId: string, input: unknown): Promise<AuthorityReportCreated> {
  const parsed = authorityRequestSchema.safeParse(input);
  if (!parsed.success) {
    throw new Problem(400, 'validation.failed', 'the authority report request does not match the expected shape', {
      errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const req = parsed.data;
  const id = uuidv7(deps.clock.now().getTime());
  const doc = await buildAuthorityReport(deps, subjectId, req, id);
  const xml = authorityReportXml(doc);
  const check = await validateAuthorityXml(xml);
  if (!check.valid) throw new Problem(422, 'authority.invalid_report', `the report does not validate against the schema: ${check.errors[0] ?? 'unknown error'}`);
  return inTransaction(deps, async (tx) => {
    let outboxId: string | null = null;
    if (req.deliver) {
      const json = JSON.stringify(doc, null, 2);
      const message =
        'email' in req.deliver
          ? {
              kind: 'email' as const,
              payload: {
                to: req.deliver.email,
                subject: `[${tx.config.hotlineName}] ${doc.incidentSummary.incidentType} report ${id}`,
                text: `Structured report ${id} attached as XML (schema urn:centinela:authority-report:1) and JSON.`,
                attachments: [
                  { filename: `${id}.xml`, content: xml, contentType: 'application/xml' },
                  { filename: `${id}.json`, content: json, contentType: 'application/json' },
                ],
              },
            }
          : { kind: 'webhook' as const, payload: { url: req.deliver.webhookUrl, body: doc } };
      outboxId = (await enqueueOutbox(tx, `authority:${id}`, message, { type: 'authority_report', id })).id;
    }
    await tx.db
      .insertInto('authority_report')
      .values({
        id,
        subject_id: subjectId,
        authority: req.authority,
        incident_type: doc.incidentSummary.incidentType,
        payload_sealed: sealText(tx, 'authority_report.payload', id, JSON.stringify(doc)),
        outbox_id: outboxId,
        created_by: actorLabel(actor),
        created_at: isoNow(tx.clock),
      })
      .execute();
    if (outboxId) await appendSubjectEvent(tx, actor, subjectId, 'authority_report_queued', { authorityReportId: id });
    await appendAudit(tx, actor, { action: 'hotline.authority_report', target: { type: 'hotline_subject', id: subjectId }, details: { authorityReportId: id, files: doc.files.file.length, queued: outboxId !== null } });
    return { id, outboxId, doc };
  });
}

/** A stored report as JSON or XML; an audited read (it names the reported person). */
export async function readAuthorityReport(deps: ServiceDeps, actor: Actor, id: string): Promise<{ doc: AuthorityReportDoc; xml: string }> {
  const row = await deps.db.selectFrom('authority_report').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('authority report');
  const doc = JSON.parse(openText(deps, 'authority_report.payload', id, row.payload_sealed)) as AuthorityReportDoc;
  await appendAudit(deps, actor, { action: 'hotline.authority_report.read', target: { type: 'authority_report', id } });
  return { doc, xml: authorityReportXml(doc) };
}
