import { escapeHtml } from '../html.js';
import type { BlobStore } from '../../blobs/blobStore.js';
import { VERSION } from '../../version.js';
import { appendAudit } from '../auditService.js';
import { actorLabel, type Actor, type ServiceDeps } from '../deps.js';
import { uuidv7 } from '../ids.js';
import { Problem } from '../problem.js';
import { readTar, writeTar, type TarEntry } from './tar.js';
import { sha256Hex } from '../../auth/tokens.js';
import { checkWarcDigests } from './warc.js';

export const EVIDENCE_FORMAT = 'centinela-evidence/1' as const;
export const MAX_EXPORT_ITEMS = 500;

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  captureId?: string;
  kind?: string;
  url?: string;
  finalUrl?: string;
  httpStatus?: number | null;
  capturedAt?: string;
  crawlerVersion?: string;
  profileId?: string | null;
  profileVersion?: number | null;
  itemId?: string | null;
}

export interface EvidenceManifest {
  format: typeof EVIDENCE_FORMAT;
  exportId: string;
  exportedAt: string;
  exportedBy: string;
  software: string;
  language: 'es' | 'en';
  items: Array<{ id: string; url: string | null; site: string | null; capturedAt: string; contentHash: string }>;
  files: ManifestFile[];
}


/**
 * An evidence package for items (one ad, or every ad of a network): the WARC of every capture of those items,
 * `manifest.json` (SHA-256, size and capture time of every file), and `summary.html` for people, in Spanish or
 * English, as one tar file. The manifest's SHA-256 goes into the audit entry of the export, so a package can also
 * be checked against the server's tamper-evident audit chain.
 */
export async function exportEvidence(
  deps: ServiceDeps,
  blobs: BlobStore,
  actor: Actor,
  req: { itemIds: readonly string[]; language: 'es' | 'en'; purpose?: string | null; legalBasis?: string | null; label?: string | null },
): Promise<{ tar: Buffer; manifest: EvidenceManifest; manifestSha256: string }> {
  const ids = [...new Set(req.itemIds)];
  if (ids.length === 0) throw new Problem(400, 'evidence.no_items', 'name at least one item');
  if (ids.length > MAX_EXPORT_ITEMS) throw new Problem(400, 'evidence.too_many_items', `at most ${MAX_EXPORT_ITEMS} items per package`);
  const items = await deps.db.selectFrom('item').select(['id', 'url', 'site', 'title', 'captured_at', 'content_hash']).where('id', 'in', ids).execute();
  if (items.length !== ids.length) throw new Problem(404, 'evidence.item_not_found', `${ids.length - items.length} of the items were not found`);
  const captures = await deps.db.selectFrom('crawl_capture').selectAll().where('item_id', 'in', ids).orderBy('captured_at').orderBy('id').execute();
  if (captures.length === 0) throw new Problem(409, 'evidence.no_captures', 'none of these items has a crawler capture (items from imports or reports carry no WARC)');

  const now = deps.clock.now();
  const exportId = uuidv7(now.getTime());
  const entries: TarEntry[] = [];
  const files: ManifestFile[] = [];
  for (const c of captures) {
    const bytes = await blobs.get(c.warc_sha256);
    const path = `warc/${c.id}.warc`;
    entries.push({ name: path, data: bytes });
    files.push({
      path,
      sha256: c.warc_sha256,
      size: bytes.length,
      captureId: c.id,
      kind: c.kind,
      url: c.url,
      finalUrl: c.final_url,
      httpStatus: c.http_status,
      capturedAt: c.captured_at,
      crawlerVersion: c.crawler_version,
      profileId: c.profile_id,
      profileVersion: c.profile_version,
      itemId: c.item_id,
    });
  }
  const manifestBase = {
    format: EVIDENCE_FORMAT,
    exportId,
    exportedAt: now.toISOString(),
    exportedBy: actorLabel(actor),
    software: `Centinela/${VERSION}`,
    language: req.language,
    items: items.map((i) => ({ id: i.id, url: i.url, site: i.site, capturedAt: i.captured_at, contentHash: i.content_hash })),
  };
  const summary = Buffer.from(summaryHtml({ ...manifestBase, files }, items, req.language, req.label ?? null), 'utf8');
  entries.push({ name: 'summary.html', data: summary });
  files.push({ path: 'summary.html', sha256: sha256Hex(summary), size: summary.length });
  const manifest: EvidenceManifest = { ...manifestBase, files };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const manifestSha256 = sha256Hex(manifestBytes);
  entries.unshift({ name: 'manifest.json', data: manifestBytes });
  const tar = writeTar(entries, now);
  await appendAudit(deps, actor, {
    action: 'evidence.export',
    target: ids.length === 1 ? { type: 'item', id: ids[0]! } : { type: 'item_set', id: exportId },
    purpose: req.purpose ?? null,
    legalBasis: req.legalBasis ?? null,
    details: { exportId, items: ids.length, captures: captures.length, manifestSha256, bytes: tar.length },
  });
  return { tar, manifest, manifestSha256 };
}

export interface VerifyReport {
  ok: boolean;
  exportId: string | null;
  manifestSha256: string | null;
  files: number;
  problems: Array<{ path: string; problem: string }>;
}

/** Checks every hash of a package: each listed file's SHA-256 and size, each WARC record's block digest, nothing missing or extra. */
export function verifyPackage(tar: Buffer): VerifyReport {
  let entries: TarEntry[];
  try {
    entries = readTar(tar);
  } catch (err) {
    return { ok: false, exportId: null, manifestSha256: null, files: 0, problems: [{ path: '', problem: (err as Error).message }] };
  }
  const byName = new Map(entries.map((e) => [e.name, e.data]));
  const manifestBytes = byName.get('manifest.json');
  if (!manifestBytes) return { ok: false, exportId: null, manifestSha256: null, files: 0, problems: [{ path: 'manifest.json', problem: 'missing' }] };
  let manifest: EvidenceManifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as EvidenceManifest;
    if (manifest.format !== EVIDENCE_FORMAT || !Array.isArray(manifest.files)) throw new Error('not a Centinela evidence manifest');
  } catch (err) {
    return { ok: false, exportId: null, manifestSha256: null, files: 0, problems: [{ path: 'manifest.json', problem: (err as Error).message }] };
  }
  const problems: VerifyReport['problems'] = [];
  for (const f of manifest.files) {
    const data = byName.get(f.path);
    if (!data) {
      problems.push({ path: f.path, problem: 'missing' });
      continue;
    }
    if (data.length !== f.size) problems.push({ path: f.path, problem: `size ${data.length}, manifest says ${f.size}` });
    if (sha256Hex(data) !== f.sha256) problems.push({ path: f.path, problem: 'SHA-256 does not match the manifest' });
    if (f.path.endsWith('.warc')) {
      try {
        for (const bad of checkWarcDigests(data)) problems.push({ path: f.path, problem: `record ${bad.index} (${bad.type}) does not match its WARC-Block-Digest` });
      } catch (err) {
        problems.push({ path: f.path, problem: (err as Error).message });
      }
    }
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of byName.keys()) if (name !== 'manifest.json' && !listed.has(name)) problems.push({ path: name, problem: 'not listed in the manifest' });
  return { ok: problems.length === 0, exportId: manifest.exportId ?? null, manifestSha256: sha256Hex(manifestBytes), files: manifest.files.length, problems };
}

/** Capture metadata of an item (what the evidence of it is), audited as an evidence access. */
export async function listItemCaptures(deps: ServiceDeps, actor: Actor, itemId: string, purpose?: string | null) {
  const rows = await deps.db.selectFrom('crawl_capture').selectAll().where('item_id', '=', itemId).orderBy('captured_at').execute();
  await appendAudit(deps, actor, { action: 'evidence.access', target: { type: 'item', id: itemId }, purpose: purpose ?? null, details: { captures: rows.length } });
  return rows;
}

const esc = escapeHtml;

const TEXT = {
  es: {
    title: 'Paquete de evidencia',
    intro:
      'Este paquete contiene las capturas web (WARC/1.1) de los elementos listados, tal como las recibió el rastreador de Centinela, con la huella SHA-256 de cada archivo. Verifíquelo con «centinela evidence verify ARCHIVO».',
    exportId: 'Identificador de la exportación',
    exportedAt: 'Exportado el (UTC)',
    exportedBy: 'Exportado por',
    software: 'Programa',
    label: 'Referencia',
    items: 'Elementos',
    files: 'Archivos',
    url: 'URL',
    site: 'Sitio',
    captured: 'Capturado (UTC)',
    titleCol: 'Título',
    kind: 'Tipo',
    status: 'HTTP',
    sha: 'SHA-256',
    size: 'Bytes',
    note: 'El archivo manifest.json lista cada archivo con su huella; la huella del manifiesto figura en el registro de auditoría del servidor (acción evidence.export).',
  },
  en: {
    title: 'Evidence package',
    intro:
      "This package holds the web captures (WARC/1.1) of the items listed, as Centinela's crawler received them, with the SHA-256 of every file. Verify it with `centinela evidence verify FILE`.",
    exportId: 'Export id',
    exportedAt: 'Exported at (UTC)',
    exportedBy: 'Exported by',
    software: 'Software',
    label: 'Reference',
    items: 'Items',
    files: 'Files',
    url: 'URL',
    site: 'Site',
    captured: 'Captured (UTC)',
    titleCol: 'Title',
    kind: 'Kind',
    status: 'HTTP',
    sha: 'SHA-256',
    size: 'Bytes',
    note: "manifest.json lists every file with its hash; the manifest's own hash is in the server's audit log (action evidence.export).",
  },
} as const;

function summaryHtml(
  m: Omit<EvidenceManifest, 'files'> & { files: ManifestFile[] },
  items: Array<{ id: string; url: string | null; site: string | null; title: string | null; captured_at: string }>,
  lang: 'es' | 'en',
  label: string | null,
): string {
  const t = TEXT[lang];
  const row = (cells: Array<string | number | null | undefined>) => `<tr>${cells.map((c) => `<td>${esc(String(c ?? ''))}</td>`).join('')}</tr>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t.title)} ${esc(m.exportId)}</title>
<style>body{font-family:sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}code,td:nth-child(5){font-family:monospace;word-break:break-all}</style>
</head><body>
<h1>${esc(t.title)}</h1>
<p>${esc(t.intro)}</p>
<dl>
<dt>${esc(t.exportId)}</dt><dd><code>${esc(m.exportId)}</code></dd>
<dt>${esc(t.exportedAt)}</dt><dd>${esc(m.exportedAt)}</dd>
<dt>${esc(t.exportedBy)}</dt><dd>${esc(m.exportedBy)}</dd>
<dt>${esc(t.software)}</dt><dd>${esc(m.software)}</dd>
${label ? `<dt>${esc(t.label)}</dt><dd>${esc(label)}</dd>` : ''}
</dl>
<h2>${esc(t.items)} (${items.length})</h2>
<table><thead><tr><th>id</th><th>${esc(t.titleCol)}</th><th>${esc(t.site)}</th><th>${esc(t.url)}</th><th>${esc(t.captured)}</th></tr></thead><tbody>
${items.map((i) => row([i.id, i.title, i.site, i.url, i.captured_at])).join('\n')}
</tbody></table>
<h2>${esc(t.files)} (${m.files.length})</h2>
<table><thead><tr><th>${esc(t.kind)}</th><th>${esc(t.url)}</th><th>${esc(t.status)}</th><th>${esc(t.captured)}</th><th>${esc(t.sha)}</th><th>${esc(t.size)}</th></tr></thead><tbody>
${m.files.map((f) => row([f.kind ?? f.path, f.url ?? f.path, f.httpStatus, f.capturedAt, f.sha256, f.size])).join('\n')}
</tbody></table>
<p>${esc(t.note)}</p>
</body></html>
`;
}
