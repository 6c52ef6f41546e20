// The evaluation set's record shape, loader and validator (used by run.ts, generate.ts and eval.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDICATOR_CATALOG } from '../../packages/core/src/text/lexicons/catalog.js';

export const EVAL_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ADS_PATH = path.join(EVAL_DIR, 'ads.jsonl');

export type Lang = 'es' | 'en' | 'pt';
export type GoldEntityType = 'phone' | 'email' | 'wallet' | 'handle' | 'url';
export const ENTITY_TYPES: readonly GoldEntityType[] = ['phone', 'email', 'wallet', 'handle', 'url'];

/** Ad families: what the invented ad is meant to be (drives the weak `suspicious` label, see README). */
export type Kind =
  | 'managed-escort'
  | 'youth-escort'
  | 'independent-escort'
  | 'deceptive-recruitment'
  | 'job'
  | 'classified'
  | 'hard-negative';
export const KINDS: readonly Kind[] = [
  'managed-escort',
  'youth-escort',
  'independent-escort',
  'deceptive-recruitment',
  'job',
  'classified',
  'hard-negative',
];

export interface GoldEntity {
  type: GoldEntityType;
  /** `text.slice(start, end)`. */
  value: string;
  /** phone: E.164; email: lower-case local@domain; wallet: canonical address; handle: platform:user; url: normalised. */
  normalized: string;
  start: number;
  end: number;
  /** How it is written (phones: plain, spread, words, keycap…; e-mails: plain, arroba…), for per-style recall. */
  style?: string;
}

export interface Ad {
  id: string;
  lang: Lang;
  /** Region for numbers written without a country code (ISO 3166-1 alpha-2). */
  region: string;
  kind: Kind;
  /** 'hand' = written one by one; 'template' = generate.ts templates × slots × obfuscations. */
  origin: 'hand' | 'template';
  text: string;
  entities: GoldEntity[];
  /** Indicator ids from the catalog (each at most once). */
  indicators: string[];
  /** Weak label: 1 = an analyst should review it for trafficking/exploitation cues. */
  suspicious: 0 | 1;
}

export const CATALOG_IDS: ReadonlySet<string> = new Set(Object.keys(INDICATOR_CATALOG));

export function loadAds(file: string = ADS_PATH): Ad[] {
  const raw = readFileSync(file, 'utf8');
  return raw
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l, i) => {
      try {
        return JSON.parse(l) as Ad;
      } catch (e) {
        throw new Error(`${path.basename(file)} line ${i + 1}: ${(e as Error).message}`);
      }
    });
}

const REGION = /^[A-Z]{2}$/;
const NORMALIZED: Readonly<Record<GoldEntityType, RegExp>> = {
  phone: /^\+[1-9]\d{6,14}$/,
  email: /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,24}$/,
  wallet: /^(?:0x[0-9a-fA-F]{40}|(?:bc|ltc)1[02-9ac-hj-np-z]{8,87}|[1-9A-HJ-NP-Za-km-z]{26,106})$/,
  handle: /^(?:whatsapp|telegram|instagram|snapchat|onlyfans|twitter|tiktok|facebook|unknown):\S+$/,
  url: /^https?:\/\/[a-z0-9.-]+(?::\d+)?(?:\/\S*)?$/,
};

/** Every problem with one ad (empty when valid). */
export function validateAd(ad: Ad): string[] {
  const errs: string[] = [];
  const where = `ad ${String(ad.id)}`;
  if (typeof ad.id !== 'string' || ad.id.length === 0) errs.push(`${where}: id`);
  if (!['es', 'en', 'pt'].includes(ad.lang)) errs.push(`${where}: lang ${String(ad.lang)}`);
  if (typeof ad.region !== 'string' || !REGION.test(ad.region)) errs.push(`${where}: region ${String(ad.region)}`);
  if (!KINDS.includes(ad.kind)) errs.push(`${where}: kind ${String(ad.kind)}`);
  if (ad.origin !== 'hand' && ad.origin !== 'template') errs.push(`${where}: origin`);
  if (typeof ad.text !== 'string' || ad.text.trim().length === 0) errs.push(`${where}: text`);
  if (ad.suspicious !== 0 && ad.suspicious !== 1) errs.push(`${where}: suspicious must be 0 or 1`);
  if (!Array.isArray(ad.indicators)) errs.push(`${where}: indicators`);
  else {
    for (const id of ad.indicators) if (!CATALOG_IDS.has(id)) errs.push(`${where}: unknown indicator ${id}`);
    if (new Set(ad.indicators).size !== ad.indicators.length) errs.push(`${where}: duplicate indicator`);
  }
  if (!Array.isArray(ad.entities)) errs.push(`${where}: entities`);
  else {
    for (const e of ad.entities) {
      if (!ENTITY_TYPES.includes(e.type)) errs.push(`${where}: entity type ${String(e.type)}`);
      else if (!NORMALIZED[e.type].test(e.normalized)) errs.push(`${where}: ${e.type} normalized "${e.normalized}"`);
      if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end <= e.start) {
        errs.push(`${where}: span ${e.start}-${e.end}`);
      } else if (ad.text.slice(e.start, e.end) !== e.value) {
        errs.push(`${where}: span ${e.start}-${e.end} is "${ad.text.slice(e.start, e.end)}", not "${e.value}"`);
      }
    }
  }
  return errs;
}
