// `npm run eval:text` — measures entity extraction, indicator matching and the risk score on
//   1. our invented, labelled evaluation set (eval/text/ads.jsonl), and
//   2. when present, ../shared/data/ads/chainbreaker-ads-masked.csv (real masked ads, weak labels): aggregate
//      figures ONLY. Nothing from that file (no text, no excerpt, no token) is ever printed, logged or saved.
//
// Options: --misses (list every miss and false alarm on OUR set, with ad ids), --no-shared (skip the masked set).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CountryCode } from '../../packages/core/src/entities/index.js';
import { calibrationReport, rocAuc, score, type ScoreResult } from '../../packages/core/src/risk/index.js';
import { INDICATOR_CATALOG } from '../../packages/core/src/text/index.js';
import { parseCsv } from './csv.js';
import { ENTITY_TYPES, EVAL_DIR, loadAds, type Ad, type Lang } from './dataset.js';
import { crossValidateFit } from './fitcv.js';
import { PerClass, binaryAgreement, fmt, matchMultiset, type Prf } from './metrics.js';

const REPO_ROOT = path.resolve(EVAL_DIR, '..', '..');
export const SHARED_CSV = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'ads', 'chainbreaker-ads-masked.csv');
const K = [10, 25, 50, 100];

const args = new Set(process.argv.slice(2));
const log = (s = ''): void => console.log(s);

function row(label: string, r: Prf, width = 34): string {
  return `${label.padEnd(width)} ${fmt(r.precision)}  ${fmt(r.recall)}  ${fmt(r.f1)}  ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}`;
}
function header(label: string, width = 34): string {
  return `${label.padEnd(width)}  prec   recall   F1      tp   fp   fn`;
}
function pct(x: number | null): string {
  return x === null ? '–' : `${(100 * x).toFixed(1)}%`;
}

// ------------------------------------------------------------------------------------------------ our set

interface OurResult {
  entities: PerClass;
  indicators: PerClass;
}

function evaluateOurs(ads: readonly Ad[]): OurResult {
  const entities = new PerClass();
  const indicators = new PerClass();
  const phoneStyles = new PerClass();
  const handleStyles = new PerClass();
  const emailStyles = new PerClass();
  let spanExact = 0;
  let matched = 0;
  let langRight = 0;
  const langConfusion = new Map<string, number>();
  const scores: number[] = [];
  const labels: number[] = [];
  const byLang: Record<Lang, { s: number[]; y: number[] }> = { es: { s: [], y: [] }, en: { s: [], y: [] }, pt: { s: [], y: [] } };
  const misses: string[] = [];
  const indMisses = new Map<string, { fn: string[]; fp: string[] }>();
  const started = performance.now();

  for (const ad of ads) {
    const r: ScoreResult = score(ad.text, { defaultRegion: ad.region as CountryCode });
    // Entities: multiset match on type + normalized value.
    for (const type of ENTITY_TYPES) {
      const gold = ad.entities.filter((e) => e.type === type);
      const pred = r.entities.filter((e) => e.type === type);
      const m = matchMultiset(
        gold.map((e) => e.normalized),
        pred.map((e) => e.normalized),
      );
      entities.add(type, m);
      for (const k of m.missed) misses.push(`  ${ad.id}  MISSED ${type} ${k}  ("${gold.find((g) => g.normalized === k)?.value ?? ''}")`);
      for (const k of m.spurious) {
        const p = pred.find((e) => e.normalized === k);
        misses.push(`  ${ad.id}  EXTRA  ${type} ${k}  ("${p?.value ?? ''}")`);
      }
      // Span agreement among matched values.
      for (const g of gold) {
        const same = pred.filter((p) => p.normalized === g.normalized);
        if (same.length === 0) continue;
        matched++;
        if (same.some((p) => p.start === g.start && p.end === g.end)) spanExact++;
      }
      // Recall per writing style.
      const styleTable = type === 'phone' ? phoneStyles : type === 'handle' ? handleStyles : type === 'email' ? emailStyles : null;
      if (styleTable !== null) {
        const found = [...pred.map((p) => p.normalized)];
        for (const g of gold) {
          const at = found.indexOf(g.normalized);
          if (at >= 0) found.splice(at, 1);
          styleTable.add(g.style ?? 'unknown', at >= 0 ? { tp: 1 } : { fn: 1 });
        }
      }
    }
    // Indicators: binary per ad.
    const predInd = r.indicators.map((i) => i.id);
    indicators.addSets(ad.indicators, predInd);
    const gs = new Set(ad.indicators);
    const ps = new Set(predInd);
    for (const id of gs) if (!ps.has(id)) slot(indMisses, id).fn.push(ad.id);
    for (const id of ps) if (!gs.has(id)) slot(indMisses, id).fp.push(ad.id);
    // Language.
    if (r.language === ad.lang) langRight++;
    else langConfusion.set(`${ad.lang}→${r.language}`, (langConfusion.get(`${ad.lang}→${r.language}`) ?? 0) + 1);
    scores.push(r.score);
    labels.push(ad.suspicious);
    byLang[ad.lang].s.push(r.score);
    byLang[ad.lang].y.push(ad.suspicious);
  }
  const ms = performance.now() - started;

  const langs = (['es', 'en', 'pt'] as const).map((l) => `${l} ${ads.filter((a) => a.lang === l).length}`).join(', ');
  log(`== Our evaluation set: ${ads.length} invented ads (${langs}; ${ads.filter((a) => a.origin === 'hand').length} hand-written) ==`);
  log(`   scored in ${(ms / 1000).toFixed(2)} s (${Math.round(ads.length / (ms / 1000))} ads/s, score() with language detection)`);
  log();
  log('-- Entities (match = same type and normalized value in the same ad; multiset) --');
  log(header('type'));
  for (const t of ENTITY_TYPES) log(row(t, entities.get(t)));
  log(row('micro', entities.micro()));
  const em = entities.macro();
  log(`${'macro'.padEnd(34)} ${fmt(em.precision)}  ${fmt(em.recall)}  ${fmt(em.f1)}   (${em.classes} types)`);
  log(`span exact (start/end equal) among matched: ${spanExact}/${matched} = ${pct(matched > 0 ? spanExact / matched : null)}`);
  log();
  log('   phone recall by writing style:');
  log(styleLine(phoneStyles));
  log('   handle recall by writing style:');
  log(styleLine(handleStyles));
  log('   e-mail recall by writing style:');
  log(styleLine(emailStyles));
  log();
  log('-- Indicators (binary per ad: the id is labelled / reported at least once; negated mentions excluded) --');
  log(header('indicator', 34));
  for (const id of Object.keys(INDICATOR_CATALOG)) {
    const r = indicators.get(id);
    if (r.tp + r.fp + r.fn === 0) continue;
    log(row(id, r));
  }
  const unseen = Object.keys(INDICATOR_CATALOG).filter((id) => {
    const r = indicators.get(id);
    return r.tp + r.fp + r.fn === 0;
  });
  if (unseen.length > 0) log(`(no label and no prediction: ${unseen.join(', ')})`);
  log(row('micro', indicators.micro()));
  const im = indicators.macro();
  log(`${'macro'.padEnd(34)} ${fmt(im.precision)}  ${fmt(im.recall)}  ${fmt(im.f1)}   (${im.classes} indicators with support)`);
  log();
  log(`-- Language detection: ${langRight}/${ads.length} = ${pct(langRight / ads.length)} correct` +
    (langConfusion.size > 0 ? `; errors: ${[...langConfusion].map(([k, v]) => `${k} ${v}`).join(', ')}` : '') + ' --');
  log();
  log('-- Risk score vs our weak "suspicious" label (written with the ads; see README) --');
  rankingReport(scores, labels);
  for (const l of ['es', 'en', 'pt'] as const) log(`   ${l}: ROC AUC ${fmt(rocAuc(byLang[l].s, byLang[l].y))} (n=${byLang[l].s.length})`);
  log();
  if (args.has('--misses')) {
    log('-- Entity misses and extras (our invented ads) --');
    for (const m of misses) log(m);
    log();
    log('-- Indicator misses (FN) and false alarms (FP) by id, with ad ids --');
    for (const [id, v] of [...indMisses].sort()) {
      if (v.fn.length > 0) log(`  ${id}  FN ${v.fn.length}: ${v.fn.join(' ')}`);
      if (v.fp.length > 0) log(`  ${id}  FP ${v.fp.length}: ${v.fp.join(' ')}`);
    }
    log();
  } else {
    log(`(${misses.length} entity misses/extras; run with --misses to list them with the ids of our invented ads)`);
    log();
  }
  return { entities, indicators };
}

function slot(m: Map<string, { fn: string[]; fp: string[] }>, id: string): { fn: string[]; fp: string[] } {
  let v = m.get(id);
  if (v === undefined) {
    v = { fn: [], fp: [] };
    m.set(id, v);
  }
  return v;
}

function styleLine(t: PerClass): string {
  return t
    .classes()
    .map((c) => {
      const r = t.get(c);
      return `${c} ${r.tp}/${r.support}`;
    })
    .reduce<string[]>((lines, cell) => {
      const last = lines[lines.length - 1];
      if (last !== undefined && last.length + cell.length < 110) lines[lines.length - 1] = `${last}  ${cell}`;
      else lines.push(`     ${cell}`);
      return lines;
    }, [])
    .join('\n');
}

function rankingReport(scores: readonly number[], labels: readonly number[]): void {
  const rep = calibrationReport(scores, labels, { k: K });
  log(`   n=${rep.n}, positives=${rep.positives}; ROC AUC ${fmt(rep.auc)}`);
  log(`   precision@k: ${rep.precisionAtK.map((p) => `@${p.k} ${fmt(p.precision, 2)}`).join('  ')}   (base rate ${fmt(rep.positives / Math.max(1, rep.n), 2)})`);
  log(`   Brier ${fmt(rep.brier)}, log loss ${fmt(rep.logLoss)}, ECE ${fmt(rep.expectedCalibrationError)} (default priors, not calibrated on these labels)`);
}

// ------------------------------------------------------------------------------------- fitted on our set

/** 5-fold cross-validated fit of the weights on our invented set; prior vs fitted, out of fold (see fitcv.ts). */
function fittedOnOurSet(ads: readonly Ad[]): void {
  const cv = crossValidateFit(ads, { folds: 5, l2: 1, k: K });
  log('-- Fitted on our set: 5-fold cross-validated fit of the risk weights (folds by a hash of the ad id) --');
  log('   INVENTED ADS, WEAK LABELS: "suspicious" was written with the ads, and template ads share phrase banks');
  log('   across folds, so the fitted figures are optimistic. This checks the fitting procedure (docs/RISK.md),');
  log('   not the real-world accuracy of either configuration. Never deploy a config fitted on this set.');
  log(`   fitLogistic l2 ${cv.l2}; features seen in training fitted, the rest keep their priors; caps removed.`);
  log(`   ${'out of fold'.padEnd(22)} ${'prior'.padStart(7)} ${'fitted'.padStart(7)}`);
  const line = (label: string, a: number | null, b: number | null) => log(`   ${label.padEnd(22)} ${fmt(a).padStart(7)} ${fmt(b).padStart(7)}`);
  line('ROC AUC', cv.prior.auc, cv.fitted.auc);
  line('Brier', cv.prior.brier, cv.fitted.brier);
  line('log loss', cv.prior.logLoss, cv.fitted.logLoss);
  line('ECE', cv.prior.expectedCalibrationError, cv.fitted.expectedCalibrationError);
  cv.prior.precisionAtK.forEach((p, i) => line(`precision@${p.k}`, p.precision, cv.fitted.precisionAtK[i]?.precision ?? null));
  log(`   per fold (n, positives, AUC prior → fitted): ${cv.perFold.map((f) => `${f.fold}: ${f.n}/${f.positives} ${fmt(f.priorAuc)}→${fmt(f.fittedAuc)}`).join('  ')}`);
  log();
}

// ---------------------------------------------------------------------------------------------- masked set

/** Our indicators grouped to compare with the upstream project's rule columns (see README). */
const RULE_MAP: ReadonlyArray<{ column: string; ours: readonly string[]; note: string; flag?: (v: string) => boolean }> = [
  {
    column: 'FIRST_PERSON_PLURAL',
    ours: ['third-party.we-have', 'third-party.plural-verbs', 'third-party.our-girls'],
    note: 'upstream: "us/our/ours/ourselves" or "with/message/visit us", "our website"',
  },
  { column: 'THIRD_PERSON', ours: ['third-party.she-is'], note: 'upstream: she/her/hers/herself or "<adjective> girl(s)/ladies…"' },
  {
    column: 'THIRD_PERSON',
    ours: ['third-party.she-is', 'third-party.new-girls', 'third-party.our-girls', 'third-party.choice-of-women'],
    note: 'same column, any of our third-party person cues',
  },
  {
    column: 'SERVICE_IS_RESTRICTED',
    ours: ['services.unprotected', 'services.no-limits', 'services.full-service'],
    note: 'upstream flags RESTRICTIONS ("with condom", "no bb", "no anal"…): the opposite concept of our services.* cues',
  },
  {
    column: 'SERVICE_PLACE',
    ours: ['location.incall-outcall'],
    note: 'upstream 1 incall / 0 outcall or both / -1 unstated; flag = stated (≠ -1)',
    flag: (v) => Number(v) !== -1,
  },
  {
    column: 'HT_FIND_KEYWORDS',
    ours: ['movement.new-in-town', 'movement.few-days', 'movement.touring', 'youth.just-18', 'third-party.new-girls'],
    note: 'upstream: movement/newness keywords and "just turned 18" (extra: not asked, but the LABEL is built from it)',
  },
];

function evaluateShared(file: string): void {
  log('== Real masked ads (../shared/data/ads/chainbreaker-ads-masked.csv) — aggregate figures only ==');
  log('   WEAK LABELS: LABEL and the rule columns come from another project\'s rules (LABEL = THIRD_PERSON or');
  log('   HT_FIND_KEYWORDS fired). They measure agreement with those rules, NOT accuracy against ground truth.');
  log('   Phone extraction is not measurable here: numbers are masked as <PHONE_…> tokens.');
  let parsed;
  try {
    parsed = parseCsv(readFileSync(file, 'utf8'), ';');
  } catch (e) {
    log(`   could not read the file (${(e as Error).name}); skipped.`);
    return;
  }
  const col = (name: string): number => parsed.header.indexOf(name);
  const iText = col('TEXT');
  const iLabel = col('LABEL');
  if (iText < 0 || iLabel < 0) {
    log('   TEXT or LABEL column missing; skipped.');
    return;
  }
  const rows = parsed.rows.filter((r) => r.length === parsed.header.length);
  log(`   rows: ${rows.length} parsed, ${parsed.rows.length - rows.length} with a wrong field count, ${parsed.malformed.length} malformed`);
  const started = performance.now();
  const results: Array<{ ids: Set<string>; score: number; lang: string; entities: Map<string, number> } | null> = rows.map((r) => {
    try {
      const s = score(r[iText] ?? '', { defaultRegion: 'CA' });
      const entities = new Map<string, number>();
      for (const e of s.entities) entities.set(e.type, (entities.get(e.type) ?? 0) + 1);
      return { ids: new Set(s.indicators.map((i) => i.id)), score: s.score, lang: s.language, entities };
    } catch {
      return null; // never print the text
    }
  });
  const ms = performance.now() - started;
  const ok = results.flatMap((x, i) => (x === null ? [] : [{ x, r: rows[i] as string[] }]));
  log(`   scored ${ok.length} (${results.length - ok.length} threw) in ${(ms / 1000).toFixed(1)} s`);
  const langs = new Map<string, number>();
  for (const { x } of ok) langs.set(x.lang, (langs.get(x.lang) ?? 0) + 1);
  log(`   detected language: ${[...langs].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const ent = new Map<string, number>();
  for (const { x } of ok) for (const [k, v] of x.entities) ent.set(k, (ent.get(k) ?? 0) + v);
  log(`   entities extracted (counts only): ${ENTITY_TYPES.map((t) => `${t} ${ent.get(t) ?? 0}`).join(', ')}`);
  log();
  const labels = ok.map(({ r }) => (Number(r[iLabel]) >= 0.5 ? 1 : 0));
  log('-- Risk score vs LABEL (weak labels, another project\'s rules; not ground truth) --');
  rankingReport(
    ok.map(({ x }) => x.score),
    labels,
  );
  log();
  log('-- Our indicators vs the upstream rule columns (precision/recall against those flags; weak, rule-based) --');
  log(header('our indicators → column', 34) + '   agree   flagged');
  for (const m of RULE_MAP) {
    const i = col(m.column);
    if (i < 0) {
      log(`   ${m.column}: column missing`);
      continue;
    }
    const flag = ok.map(({ r }) => (m.flag ?? ((v: string) => Number(v) >= 0.5))(r[i] ?? ''));
    const pred = ok.map(({ x }) => m.ours.some((id) => x.ids.has(id)));
    const a = binaryAgreement(pred, flag);
    const label = `${m.ours.length === 1 ? m.ours[0] : `${m.ours.length} cues`} → ${m.column}`;
    log(`${row(label, a, 34)}   ${fmt(a.agreement)}  ${flag.filter(Boolean).length}`);
    log(`     ${m.ours.length > 1 ? `[${m.ours.join(', ')}] ` : ''}${m.note}`);
  }
  // How often each of our indicators fires there (counts only), for context.
  const fired = new Map<string, number>();
  for (const { x } of ok) for (const id of x.ids) fired.set(id, (fired.get(id) ?? 0) + 1);
  log();
  log(`   our indicators firing (ads): ${[...fired].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

// -------------------------------------------------------------------------------------------------- main

const ads = loadAds();
evaluateOurs(ads);
fittedOnOurSet(ads);
if (args.has('--no-shared')) log('(masked set skipped: --no-shared)');
else if (existsSync(SHARED_CSV)) evaluateShared(SHARED_CSV);
else log(`(masked set not found at ${path.relative(REPO_ROOT, SHARED_CSV)}; skipped — it is optional, measurement on our set only)`);
