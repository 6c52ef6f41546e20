// Writes eval/text/ads.jsonl: the hand-written ads (hand.ts) plus template ads (templates.ts × slots × obfuscations).
// Deterministic (seeded): `npx tsx eval/text/generate.ts` rewrites the same file byte for byte.
// Every label is attached to the phrase or contact that carries it, so template labels are exact by construction.
import { writeFileSync } from 'node:fs';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { ADS_PATH, validateAd, type Ad, type GoldEntity, type Lang } from './dataset.js';
import {
  DIGIT_WORDS,
  EMAIL_STYLES,
  HANDLE_STYLES,
  PHONE_STYLES,
  Rng,
  WALLET_STYLES,
  email,
  handle,
  join,
  link,
  phone,
  t,
  wallet,
  type Chunk,
  type EmailStyle,
  type HandleStyle,
  type PhoneStyle,
  type WalletStyle,
} from './genlib.js';
import { HAND_ADS } from './hand.js';
import { BANKS, type FamilyBank, type LangBank, type Phrase } from './templates.js';

/** Cycles through a list in a shuffled order so every style is used about equally often. */
class Cycle<T> {
  #i = 0;
  #order: T[];
  constructor(items: readonly T[], rng: Rng) {
    this.#order = rng.sample(items, items.length);
  }
  next(): T {
    const x = this.#order[this.#i % this.#order.length] as T;
    this.#i++;
    return x;
  }
}

interface Ctx {
  rng: Rng;
  lang: Lang;
  region: string;
  bank: LangBank;
  city: string;
  name: string;
  phones: Cycle<PhoneStyle>;
  emails: Cycle<EmailStyle>;
  handles: Cycle<HandleStyle>;
  wallets: Cycle<WalletStyle>;
}

/** Fills the placeholders of one phrase; entity placeholders become entity chunks. */
function fill(p: Phrase, ctx: Ctx): Chunk {
  const [text, ...ind] = p;
  const parts: Chunk[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{(\w+)(?::(\w+))?\}/g)) {
    parts.push(t(text.slice(last, m.index)));
    const [, key = '', arg] = m;
    parts.push(placeholder(key, arg, ctx));
    last = m.index + m[0].length;
  }
  parts.push(t(text.slice(last)));
  const c = join(parts, '');
  c.ind.push(...ind);
  return c;
}

function placeholder(key: string, arg: string | undefined, ctx: Ctx): Chunk {
  const { rng, bank } = ctx;
  switch (key) {
    case 'city':
      return t(ctx.city);
    case 'name':
      return t(ctx.name);
    case 'age':
      return t(String(rng.int(19, 34)));
    case 'brand':
      return t(rng.pick(bank.brands));
    case 'price':
      return t(rng.pick(bank.prices[ctx.region] ?? ['']));
    case 'P':
      return phone(ctx.region, ctx.phones.next(), ctx.lang, rng);
    case 'E':
      return email(ctx.emails.next(), ctx.lang, rng, bank.names);
    case 'H': {
      if (arg === undefined) return handle(ctx.handles.next(), ctx.lang, rng, bank.names);
      // A platform named just before: "@user", labelled with that platform.
      const h = handle('bare-at', ctx.lang, rng, bank.names);
      if (arg === 'telegram' || arg === 'snapchat') {
        h.text = h.text.replace(/\./g, '_');
        h.ents = h.ents.map((e) => ({ ...e, normalized: e.normalized.replace(/\./g, '_') }));
      }
      return { ...h, ents: h.ents.map((e) => ({ ...e, normalized: e.normalized.replace(/^unknown:/, `${arg}:`), style: `${arg}-context` })) };
    }
    case 'U':
      return link(rng, ctx.name.toLowerCase().normalize('NFD').replace(/[^a-z]/g, ''));
    case 'W':
      return wallet(ctx.wallets.next(), rng);
    default:
      throw new Error(`unknown placeholder {${key}}`);
  }
}

// Cyrillic look-alikes of a, e, o, c, p.
const HOMOGLYPH: Readonly<Record<string, string>> = { a: '\u0430', e: '\u0435', o: '\u043e', c: '\u0441', p: '\u0440' };

/** Hides the longest word of an indicator phrase from naive filters: a zero-width space or a Cyrillic look-alike. */
function evade(c: Chunk, how: 'hidden' | 'homoglyph'): Chunk {
  if (c.ents.length > 0) return c;
  const words = [...c.text.matchAll(/\p{L}{5,}/gu)].sort((a, b) => b[0].length - a[0].length);
  const w = words[0];
  if (w === undefined) return c;
  const at = w.index + 2;
  if (how === 'hidden') {
    return { text: `${c.text.slice(0, at)}\u200b${c.text.slice(at)}`, ents: [], ind: [...c.ind, 'evasion.hidden-characters'] };
  }
  for (let i = w.index; i < w.index + w[0].length; i++) {
    const g = HOMOGLYPH[c.text[i] ?? ''];
    if (g !== undefined) return { text: `${c.text.slice(0, i)}${g}${c.text.slice(i + 1)}`, ents: [], ind: [...c.ind, 'evasion.homoglyphs'] };
  }
  return c;
}

function buildAd(fam: FamilyBank, idx: number, ctx: Ctx): Chunk {
  const { rng } = ctx;
  const ordered = fam.body.length === 0; // single-phrase families walk their openers in order
  const opener = ordered ? (fam.openers[idx % fam.openers.length] as Phrase) : rng.pick(fam.openers);
  const parts: Chunk[] = [fill(opener, ctx)];
  const [lo, hi] = fam.bodyCount;
  for (const b of rng.sample(fam.body, rng.int(lo, hi))) parts.push(fill(b, ctx));
  const contact = fill(rng.pick(fam.contact), ctx);
  if (contact.text.length > 0) parts.push(contact);
  if (fam.extra !== undefined && rng.chance(fam.extraRate ?? 0)) parts.push(fill(rng.pick(fam.extra), ctx));
  if (fam.evasion === true && rng.chance(0.25)) {
    const k = parts.findIndex((p, i) => i < parts.length - 1 && p.ind.length > 0 && p.ents.length === 0);
    if (k >= 0) parts[k] = evade(parts[k] as Chunk, rng.chance(0.5) ? 'hidden' : 'homoglyph');
  }
  return join(parts, rng.chance(0.3) ? '\n' : ' ');
}

function toAd(id: string, lang: Lang, region: string, kind: Ad['kind'], origin: Ad['origin'], c: Chunk, suspicious: 0 | 1): Ad {
  const entities: GoldEntity[] = c.ents
    .map((e) => ({ ...e, value: c.text.slice(e.start, e.end) }))
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map(({ type, value, normalized, start, end, style }) => ({ type, value, normalized, start, end, ...(style ? { style } : {}) }));
  return { id, lang, region, kind, origin, text: c.text, entities, indicators: [...new Set(c.ind)].sort(), suspicious };
}

export function generate(): Ad[] {
  const ads: Ad[] = [];
  for (const h of HAND_ADS) ads.push(toAd(h.id, h.lang, h.region, h.kind, 'hand', h.chunk, h.suspicious));
  const seeds: Record<Lang, number> = { es: 11, en: 23, pt: 37 };
  for (const lang of ['es', 'en', 'pt'] as const) {
    const bank = BANKS[lang];
    const rng = new Rng(seeds[lang]);
    const cycles = {
      phones: new Cycle(PHONE_STYLES, rng),
      emails: new Cycle(EMAIL_STYLES, rng),
      handles: new Cycle(HANDLE_STYLES, rng),
      wallets: new Cycle(WALLET_STYLES, rng),
    };
    let n = 0;
    for (const fam of bank.families) {
      for (let i = 0; i < fam.count; i++) {
        const region = bank.regions[(n + i) % bank.regions.length] as string;
        const ctx: Ctx = {
          rng,
          lang,
          region,
          bank,
          city: rng.pick(bank.cities[region] ?? ['']),
          name: rng.pick(bank.names),
          ...cycles,
        };
        const chunk = buildAd(fam, i, ctx);
        ads.push(toAd(`${lang}-t${String(++n).padStart(3, '0')}`, lang, region, fam.kind, 'template', chunk, fam.suspicious));
      }
    }
  }
  return ads;
}

const WORD_DIGIT: ReadonlyMap<string, string> = new Map([
  ...(['es', 'en', 'pt'] as const).flatMap((l) => DIGIT_WORDS[l].map((w, d) => [w, String(d)] as [string, string])),
  ['meia', '6'],
  ['tres', '3'],
]);

/** The digits a written phone spells (words, look-alike letters, keycaps, circled and full-width digits), to catch typos. */
function surfaceDigits(value: string): string {
  let s = value.normalize('NFKC').replace(/\u24ea/g, '0');
  s = s.replace(/\p{L}+/gu, (w) => {
    const d = WORD_DIGIT.get(w.toLowerCase());
    if (d !== undefined) return ` ${d} `;
    if (/^[OolI]+$/.test(w)) return w.replace(/[Oo]/g, '0').replace(/[lI]/g, '1');
    return ` ${w} `;
  });
  s = s.replace(/(?:triple|triplo)\s+(\d)/gi, '$1$1$1').replace(/(?:doble|double|duplo)\s+(\d)/gi, '$1$1');
  return s.replace(/\D/g, '');
}

/** Sanity checks beyond the schema: labelled phones are valid numbers for libphonenumber (so a miss is the extractor's). */
function check(ads: readonly Ad[]): string[] {
  const errs: string[] = [];
  const ids = new Set<string>();
  for (const ad of ads) {
    if (ids.has(ad.id)) errs.push(`duplicate id ${ad.id}`);
    ids.add(ad.id);
    errs.push(...validateAd(ad));
    for (const e of ad.entities) {
      if (e.type !== 'phone') continue;
      const p = parsePhoneNumberFromString(e.normalized);
      if (p === undefined || !p.isValid()) errs.push(`${ad.id}: labelled phone ${e.normalized} is not a valid number`);
      else if (!surfaceDigits(e.value).endsWith(p.nationalNumber)) {
        errs.push(`${ad.id}: "${e.value}" does not spell ${e.normalized}`);
      }
    }
  }
  return errs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ads = generate();
  const errs = check(ads);
  if (errs.length > 0) {
    console.error(errs.join('\n'));
    process.exit(1);
  }
  writeFileSync(ADS_PATH, `${ads.map((a) => JSON.stringify(a)).join('\n')}\n`);
  const by = (k: (a: Ad) => string): string =>
    Object.entries(
      ads.reduce<Record<string, number>>((acc, a) => {
        acc[k(a)] = (acc[k(a)] ?? 0) + 1;
        return acc;
      }, {}),
    )
      .map(([key, v]) => `${key}=${v}`)
      .join(' ');
  console.log(`wrote ${ads.length} ads to ${ADS_PATH}`);
  console.log(`  lang: ${by((a) => a.lang)}`);
  console.log(`  origin: ${by((a) => a.origin)}`);
  console.log(`  kind: ${by((a) => a.kind)}`);
  console.log(`  suspicious: ${by((a) => String(a.suspicious))}`);
}
