// Template clustering: coarse (MinHash-LSH) throughput, fine-stage (templates) time, and quality against the
// generating template of 100,000 invented ads (es/en/pt). Optionally, aggregate figures on the masked real ads
// in ../shared/data/ads (numbers only: that file holds real people's ads, nothing from it is ever printed).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterAds, fineGroups, LshIndex, type Ad } from '../packages/core/src/clusters/index.js';
import { mulberry32 } from '../packages/core/src/stats/rng.js';

export interface ClusterBenchOptions {
  ads?: number;
  templates?: number;
  /** Share of ads that follow no template (unique text) [0.1]. */
  noise?: number;
  seed?: number;
  /** Measure the masked real ads when the file exists [true]. */
  realData?: boolean;
  log?: (line: string) => void;
}

export interface PairScores {
  precision: number;
  recall: number;
  ari: number;
}

export interface ClusterBenchResult {
  ads: number;
  coarseAdsPerSecond: number;
  coarseSeconds: number;
  fineSeconds: number;
  insertMedianMs: number;
  indexMB: number;
  coarse: PairScores;
  fine: PairScores;
  clusters: number;
}

const rng = mulberry32;

type Lang = 'es' | 'en' | 'pt';
const LANGS: readonly Lang[] = ['es', 'en', 'pt'];

// Invented sentences with slots: {n} name, {a} age, {c} city, {p} price, {t} phone.
const SENTENCES: Readonly<Record<Lang, readonly string[]>> = {
  es: [
    'Hola amor, soy {n}, una chica dulce y cariñosa de {a} años.',
    'Estoy en {c} por pocos días, ven a conocerme.',
    'Tarifa especial de {p} la hora, sin prisas.',
    'Escríbeme al {t} y te respondo enseguida.',
    'Ambiente tranquilo, limpio y muy discreto.',
    'Me encanta conversar y pasar un buen rato.',
    'Atiendo con cita previa de lunes a sábado.',
    'Soy {n}, nueva en {c}, fotos reales y recientes.',
  ],
  en: [
    'Hi guys, I am {n}, a sweet and friendly girl, {a} years old.',
    'Visiting {c} for a few days only, come say hi.',
    'Special rate {p} per hour, no rush at all.',
    'Text me at {t} and I will answer right away.',
    'Quiet, clean and very discreet place.',
    'I love good conversation and a relaxed time.',
    'By appointment only, Monday to Saturday.',
    'I am {n}, new in {c}, real and recent pictures.',
  ],
  pt: [
    'Oi amor, sou a {n}, uma menina doce e carinhosa de {a} anos.',
    'Estou em {c} por poucos dias, vem me conhecer.',
    'Cachê especial de {p} a hora, sem pressa.',
    'Me chama no {t} que respondo na hora.',
    'Ambiente tranquilo, limpo e muito discreto.',
    'Adoro conversar e passar um tempo gostoso.',
    'Atendo com hora marcada de segunda a sábado.',
    'Sou a {n}, nova em {c}, fotos reais e recentes.',
  ],
};

const NAMES = ['Maria', 'Ana', 'Lucía', 'Sofia', 'Camila', 'Valentina', 'Julia', 'Kim', 'Jessica', 'Paula', 'Luna', 'Gabriela', 'Bianca', 'Rosa', 'Daniela', 'Carla'];
const CITIES = ['Bogotá', 'Medellín', 'Cali', 'Lima', 'Quito', 'Madrid', 'Miami', 'Houston', 'Toronto', 'São Paulo', 'Rio de Janeiro', 'Curitiba', 'Ciudad de México', 'Santiago', 'Buenos Aires'];
const SYLLABLES = ['la', 'mo', 'ti', 'ra', 'ne', 'so', 'ku', 'pe', 'di', 'va', 'ro', 'mi', 'sa', 'te', 'lu', 'ca', 'bo', 'fi', 'ga', 'ze', 'nu', 'ha', 'je', 'qui'];

function word(r: () => number): string {
  const n = 2 + Math.floor(r() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w;
}

function salad(r: () => number, words: number): string {
  const ws = Array.from({ length: words }, () => word(r));
  const s = ws.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

interface Family {
  lang: Lang;
  sentences: string[];
}

function inventFamily(r: () => number): Family {
  const lang = LANGS[Math.floor(r() * 3)] as Lang;
  const pool = SENTENCES[lang];
  // Two shared sentences with slots + 3 sentences only this family uses (invented words), in a fixed order.
  const picks = new Set<number>();
  while (picks.size < 2) picks.add(Math.floor(r() * pool.length));
  const sentences = [...picks].map((i) => pool[i] as string);
  for (let i = 0; i < 3; i++) sentences.splice(Math.floor(r() * (sentences.length + 1)), 0, salad(r, 6 + Math.floor(r() * 6)));
  sentences.push(pool[3] as string); // contact line
  return { lang, sentences };
}

function fill(sentence: string, r: () => number, slots: Record<string, string>): string {
  return sentence.replace(/\{([nacpt])\}/g, (_m, k: string) => slots[k] ?? '');
}

/** One ad of a family: names, ages, cities, prices and phones swapped; sometimes reordered or edited. */
function inventMember(f: Family, r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const digits = (n: number): string => Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');
  const slots = {
    n: pick(NAMES),
    a: String(18 + Math.floor(r() * 15)),
    c: pick(CITIES),
    p: f.lang === 'en' ? `$${100 + Math.floor(r() * 300)}` : f.lang === 'pt' ? `R$ ${200 + Math.floor(r() * 400)}` : `$${100 + Math.floor(r() * 200)}.000`,
    t: f.lang === 'en' ? `(${digits(3)}) 555-${digits(4)}` : `+${f.lang === 'es' ? '57' : '55'} ${digits(3)} ${digits(7)}`,
  };
  const s = f.sentences.map((x) => fill(x, r, slots));
  if (r() < 0.2) {
    const i = Math.floor(r() * (s.length - 1));
    [s[i], s[i + 1]] = [s[i + 1] as string, s[i] as string]; // reordered sentences
  }
  if (r() < 0.3) {
    const i = Math.floor(r() * s.length);
    s[i] = (s[i] as string).replace(/ \S+/, ''); // a dropped word
  }
  if (r() < 0.3) s.push(pick(['💋', '🔥🔥', 'xoxo', '100% real', 'besos']));
  return s.join(' ');
}

/** Invented ads from `templates` families (+ `noise` unique ads); `truth[i]` is ad i's family (-1 - i for noise). */
export function inventTemplatedAds(count: number, templates: number, noise = 0.1, seed = 42): { ads: Ad[]; truth: number[] } {
  const r = rng(seed);
  const families = Array.from({ length: templates }, () => inventFamily(r));
  const ads: Ad[] = [];
  const truth: number[] = [];
  for (let i = 0; i < count; i++) {
    if (r() < noise) {
      ads.push({ id: `ad${i}`, text: `${salad(r, 12)} ${salad(r, 10)} ${salad(r, 14)}` });
      truth.push(-1 - i);
    } else {
      const t = Math.floor(r() * templates);
      ads.push({ id: `ad${i}`, text: inventMember(families[t] as Family, r) });
      truth.push(t);
    }
  }
  return { ads, truth };
}

const choose2 = (n: number): number => (n * (n - 1)) / 2;

/** Pairwise precision/recall and adjusted Rand index of a labelling against the truth (labels: any keys). */
export function pairScores(pred: readonly (string | number)[], truth: readonly (string | number)[]): PairScores {
  const cells = new Map<string, number>();
  const a = new Map<string | number, number>();
  const b = new Map<string | number, number>();
  for (let i = 0; i < pred.length; i++) {
    const p = pred[i] as string | number;
    const t = truth[i] as string | number;
    a.set(p, (a.get(p) ?? 0) + 1);
    b.set(t, (b.get(t) ?? 0) + 1);
    const key = `${p}\u0000${t}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  let both = 0;
  for (const v of cells.values()) both += choose2(v);
  let sp = 0;
  for (const v of a.values()) sp += choose2(v);
  let st = 0;
  for (const v of b.values()) st += choose2(v);
  const total = choose2(pred.length);
  const expected = total > 0 ? (sp * st) / total : 0;
  const max = (sp + st) / 2;
  return {
    precision: sp > 0 ? both / sp : 1,
    recall: st > 0 ? both / st : 1,
    ari: max - expected !== 0 ? (both - expected) / (max - expected) : 1,
  };
}

const f3 = (x: number): string => x.toFixed(3);

/** `;`-separated CSV with quoted fields (quotes doubled inside). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const CONTACT_TOKEN = /<(?:PHONE7?|EMAIL)_[0-9a-zA-Z]+>/g;

/** Aggregate scores on the masked real ads against shared-phone groups. Prints numbers only. */
export function realDataFigures(file: string, log: (line: string) => void): void {
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const header = rows[0] ?? [];
  const col = header.indexOf('TEXT');
  if (col < 0) {
    log('real ads: TEXT column not found, skipped');
    return;
  }
  const ads: Ad[] = [];
  const phones: string[][] = [];
  for (const row of rows.slice(1)) {
    const text = row[col];
    if (text === undefined) continue;
    phones.push([...new Set(text.match(/<PHONE7?_[0-9a-zA-Z]+>/g) ?? [])]);
    ads.push({ id: String(ads.length), text: text.replace(CONTACT_TOKEN, ' ') });
  }
  const t0 = performance.now();
  const coarse = clusterAds(ads, { fine: false });
  const t1 = performance.now();
  const fine = clusterAds(ads);
  const t2 = performance.now();
  // Truth over ads with a phone token: connected components of "shares a phone token".
  const parent = ads.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const firstWith = new Map<string, number>();
  phones.forEach((ps, i) => {
    for (const p of ps) {
      const j = firstWith.get(p);
      if (j === undefined) firstWith.set(p, i);
      else parent[find(i)] = find(j);
    }
  });
  const withPhone = ads.map((_, i) => i).filter((i) => (phones[i] as string[]).length > 0);
  const truth = withPhone.map((i) => find(i));
  const shareRate = (res: typeof coarse): number => {
    // Of clustered pairs among ads with a phone, the share that share a phone token directly.
    let pairs = 0;
    let shared = 0;
    for (const c of res.clusters) {
      const ms = c.members.map(Number).filter((i) => (phones[i] as string[]).length > 0);
      for (let x = 0; x < ms.length; x++)
        for (let y = x + 1; y < ms.length; y++) {
          pairs++;
          const px = new Set(phones[ms[x] as number]);
          if ((phones[ms[y] as number] as string[]).some((p) => px.has(p))) shared++;
        }
    }
    return pairs > 0 ? shared / pairs : 0;
  };
  for (const [label, res, secs] of [
    ['coarse', coarse, (t1 - t0) / 1000],
    ['fine', fine, (t2 - t1) / 1000],
  ] as const) {
    const pred = withPhone.map((i) => res.assignments.get(String(i)) ?? `single:${i}`);
    const s = pairScores(pred, truth);
    const clustered = res.clusters.reduce((n, c) => n + c.members.length, 0);
    log(
      `real ads (${label}): ${ads.length} ads, ${withPhone.length} with a phone token, ${res.clusters.length} clusters of ${clustered} ads, ` +
        `pairwise precision ${f3(s.precision)} recall ${f3(s.recall)} ARI ${f3(s.ari)} vs shared-phone groups, ` +
        `direct phone share in clustered pairs ${f3(shareRate(res))}, ${secs.toFixed(2)} s`,
    );
  }
}

export async function run(options: ClusterBenchOptions = {}): Promise<ClusterBenchResult> {
  const count = options.ads ?? 100_000;
  const templates = options.templates ?? Math.max(1, Math.round(count / 50));
  const log = options.log ?? ((line: string) => console.log(line));
  const { ads, truth } = inventTemplatedAds(count, templates, options.noise ?? 0.1, options.seed ?? 42);
  const chars = ads.reduce((n, a) => n + a.text.length, 0);
  log(`${count} invented ads from ${templates} templates (+${Math.round((options.noise ?? 0.1) * 100)}% unique), mean ${Math.round(chars / Math.max(1, count))} chars`);

  // Coarse stage: the incremental index fed every ad; the last 1% are timed one by one as "live" inserts.
  const index = new LshIndex();
  const live = Math.min(1000, Math.floor(count / 100));
  const cpu0 = process.cpuUsage();
  const c0 = performance.now();
  for (let i = 0; i < count - live; i++) index.add(ads[i] as Ad);
  const lat: number[] = [];
  for (let i = count - live; i < count; i++) {
    const t = performance.now();
    index.add(ads[i] as Ad);
    lat.push(performance.now() - t);
  }
  const coarseSeconds = (performance.now() - c0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  lat.sort((x, y) => x - y);
  const insertMedianMs = lat.length > 0 ? (lat[Math.floor(lat.length / 2)] as number) : 0;
  const coarseAdsPerSecond = count / Math.max(coarseSeconds, 1e-9);
  const indexMB = index.bytes / 1048576;
  log(
    `coarse (clean + ${index.options.k}-word shingles + MinHash ${index.options.numPerm} + LSH ${index.options.bands}×${index.options.rows} ` +
      `+ verify ≥ ${index.options.threshold} + union-find): ${Math.round(coarseAdsPerSecond)} ads/s wall, ` +
      `${Math.round(count / ((cpu.user + cpu.system) / 1e6))} ads/s per CPU second, ${coarseSeconds.toFixed(2)} s; ` +
      `insert median ${insertMedianMs.toFixed(3)} ms; index ${indexMB.toFixed(1)} MB typed arrays`,
  );

  // Fine stage: a template (with MDL split) per coarse cluster.
  const coarseClusters = index.clusters();
  const textOf = new Map(ads.map((a) => [a.id, a.text]));
  const coarseOf = new Map<string, string>();
  const fineOf = new Map<string, string>();
  const f0 = performance.now();
  let fineCount = 0;
  let ratioSum = 0;
  let ratioN = 0;
  for (const [cid, members] of coarseClusters) {
    for (const m of members) coarseOf.set(m, cid);
    const split = fineGroups(members.map((m) => textOf.get(m) as string));
    for (const g of split.groups) {
      fineCount++;
      ratioSum += g.extracted.quality.ratio * g.indices.length;
      ratioN += g.indices.length;
      const gid = members[g.indices[0] as number] as string;
      for (const k of g.indices) fineOf.set(members[k] as string, gid);
    }
  }
  const fineSeconds = (performance.now() - f0) / 1000;
  const predCoarse = ads.map((a) => coarseOf.get(a.id) ?? `single:${a.id}`);
  const predFine = ads.map((a) => fineOf.get(a.id) ?? `single:${a.id}`);
  const coarse = pairScores(predCoarse, truth);
  const fine = pairScores(predFine, truth);
  log(`fine (templates + MDL split, ${coarseClusters.size} coarse clusters → ${fineCount} templates): ${fineSeconds.toFixed(2)} s, mean MDL ratio ${f3(ratioSum / Math.max(1, ratioN))}`);
  log(`quality vs generating templates: coarse precision ${f3(coarse.precision)} recall ${f3(coarse.recall)} ARI ${f3(coarse.ari)}; fine precision ${f3(fine.precision)} recall ${f3(fine.recall)} ARI ${f3(fine.ari)}`);

  if (options.realData !== false) {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const file = path.resolve(root, '../shared/data/ads/chainbreaker-ads-masked.csv');
    if (existsSync(file)) realDataFigures(file, log);
  }
  return { ads: count, coarseAdsPerSecond, coarseSeconds, fineSeconds, insertMedianMs, indexMB, coarse, fine, clusters: fineCount };
}
