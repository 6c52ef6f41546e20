// Hotline: report intake throughput (with URL deduplication), triage queue and metrics latency over many
// subjects, authority-report XML validation, and the public form's weight. SQLite in a temp directory;
// invented URLs only.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderForm } from '../packages/server/src/api/hotline/publicReportHtml.js';
import { loadConfig } from '../packages/server/src/config/config.js';
import { openRuntime } from '../packages/server/src/runtime.js';
import { systemActor } from '../packages/server/src/services/deps.js';
import { authorityReportXml, validateAuthorityXml, type AuthorityReportDoc } from '../packages/server/src/services/hotline/authorityReport.js';
import { hotlineMetrics } from '../packages/server/src/services/hotline/metricsService.js';
import { fileReport } from '../packages/server/src/services/hotline/reportService.js';
import { listQueue } from '../packages/server/src/services/hotline/triageService.js';

export interface HotlineBenchOptions {
  reports?: number;
  log?: (line: string) => void;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(n: number, fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

export async function run(opts: HotlineBenchOptions = {}): Promise<{ reportsPerSecond: number; queueMs: number; metricsMs: number; xmlMs: number; formBytes: number }> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const reports = opts.reports ?? 3000;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'centinela-bench-hotline-'));
  const runtime = await openRuntime(loadConfig({ CENTINELA_DATA_DIR: dataDir, CENTINELA_SECRET_KEY: randomBytes(32).toString('hex'), CENTINELA_LOG_LEVEL: 'silent' }));
  try {
    const deps = runtime.deps;
    // One report in five repeats an earlier URL (written differently), as real reporting does.
    const distinct = Math.ceil(reports * 0.8);
    const t0 = performance.now();
    for (let i = 0; i < reports; i++) {
      const k = i < distinct ? i : i % distinct;
      const url = i < distinct ? `https://anuncios-${k % 97}.example/oferta/${k}` : `HTTPS://ANUNCIOS-${k % 97}.example/oferta/${k}?utm_source=x#fotos`;
      await fileReport(deps, null, systemActor, { channel: 'partner', url, childInvolved: k % 7 === 0, anonymous: true, language: 'es', riskScore: (k % 100) / 100 });
    }
    const seconds = (performance.now() - t0) / 1000;
    const reportsPerSecond = Math.round(reports / seconds);
    const subjects = (await deps.db.selectFrom('hotline_subject').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    log(`intake: ${reports} reports (${Number(subjects)} subjects after dedupe) in ${seconds.toFixed(1)} s — ${reportsPerSecond} reports/s (SQLite, one writer, audit chain included)`);

    // Give most subjects timings, so the metrics have something to aggregate.
    const base = Date.parse('2026-10-01T00:00:00Z');
    const rows = await deps.db.selectFrom('hotline_subject').select('id').execute();
    await deps.db.transaction().execute(async (trx) => {
      for (const [i, r] of rows.entries()) {
        const reported = base + i * 60_000;
        await trx
          .updateTable('hotline_subject')
          .set({
            first_reported_at: new Date(reported).toISOString(),
            assessed_at: new Date(reported + 3_600_000 * (1 + (i % 5))).toISOString(),
            first_notice_at: new Date(reported + 3_600_000 * (2 + (i % 7))).toISOString(),
            removed_at: i % 3 === 0 ? null : new Date(reported + 3_600_000 * (10 + (i % 48))).toISOString(),
            country: ['CO', 'MX', 'ES', 'US'][i % 4]!,
          })
          .where('id', '=', r.id)
          .execute();
      }
    });
    const queueMs = await time(30, () => listQueue(deps, null, { limit: 50 }));
    const childMs = await time(30, () => listQueue(deps, null, { childInvolved: true, limit: 50 }));
    log(`queue: first page of 50 by priority over ${rows.length} subjects — median ${queueMs.toFixed(1)} ms (child filter ${childMs.toFixed(1)} ms)`);
    const metricsMs = await time(10, () => hotlineMetrics(deps));
    log(`metrics: median/p90 overall, per country and month over ${rows.length} subjects — median ${metricsMs.toFixed(1)} ms`);

    const doc: AuthorityReportDoc = {
      version: '1',
      reportId: 'bench',
      authority: 'Autoridad Ejemplo',
      createdAt: new Date().toISOString(),
      reporter: { organization: 'Centinela' },
      incidentSummary: { incidentType: 'child_sexual_abuse_material', incidentDateTime: new Date().toISOString(), reportedToHotlineAt: new Date().toISOString(), reportCount: 2, childInvolved: true },
      internetDetails: { webPage: [{ url: 'https://anuncios.example/x', host: 'anuncios.example' }] },
      files: {
        file: Array.from({ length: 20 }, (_, i) => ({
          fileName: `${i}.png`,
          mimeType: 'image/png',
          size: 1000 + i,
          md5: 'a'.repeat(32),
          sha1: 'b'.repeat(40),
          sha256: 'c'.repeat(64),
          reviewedByHuman: true,
          fileClassification: { classification: 'csam', interpolCategory: 'baseline' },
        })),
      },
      assessment: { classification: 'csam', interpolCategory: 'baseline', traffickingIndicator: [], legalBasis: 'Ley', assessedAt: new Date().toISOString() },
    };
    const xml = authorityReportXml(doc);
    const xmlMs = await time(20, () => validateAuthorityXml(xml));
    log(`authority report: XML of 20 files (${xml.length} bytes) validated against the XSD (libxml2 WebAssembly) — median ${xmlMs.toFixed(1)} ms`);

    const form = renderForm('es', 'token', { maxFileMb: 10 });
    const formBytes = Buffer.byteLength(form);
    log(`public form: ${formBytes} bytes of HTML (+ the CSS once), no JavaScript`);
    return { reportsPerSecond, queueMs, metricsMs, xmlMs, formBytes };
  } finally {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
