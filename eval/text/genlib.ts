// Building blocks of the invented evaluation ads: text chunks that carry their labels, a seeded PRNG, and renderers
// for invented phones, e-mails, handles, links and wallets in the obfuscated forms that ads use.
//
// Every contact is invented: phones come from ranges reserved for fiction where they exist (NANP 555-01XX, the
// Australian 0491 570 xxx drama numbers) and otherwise from valid-format numbers with a 555 block; e-mails use the
// reserved example.com/.org/.net domains (or an invented mailbox at a webmail provider, named without its TLD);
// wallets are built from seeded random bytes with the project's own encoders (valid checksums, no real owner).
import { keccak_256 } from '@noble/hashes/sha3.js';
import {
  base58CheckEncode,
  bech32Encode,
  convertBits,
  moneroBase58Encode,
  toChecksumAddress,
} from '../../packages/core/src/entities/wallets/index.js';
import type { GoldEntity, Lang } from './dataset.js';

export type RelEntity = Omit<GoldEntity, 'value'>;

/** A piece of ad text with the entities inside it (offsets relative to `text`) and the indicators it expresses. */
export interface Chunk {
  text: string;
  ents: RelEntity[];
  ind: string[];
}

export function t(text: string, ...ind: string[]): Chunk {
  return { text, ents: [], ind };
}

export function join(parts: ReadonlyArray<Chunk | string>, sep = ' '): Chunk {
  const out: Chunk = { text: '', ents: [], ind: [] };
  parts.forEach((p, i) => {
    const c = typeof p === 'string' ? t(p) : p;
    if (i > 0 && sep.length > 0 && c.text.length > 0 && out.text.length > 0) out.text += sep;
    const base = out.text.length;
    out.text += c.text;
    for (const e of c.ents) out.ents.push({ ...e, start: e.start + base, end: e.end + base });
    out.ind.push(...c.ind);
  });
  return out;
}

/** Adds indicator ids to a chunk. */
export function withInd(c: Chunk, ...ind: string[]): Chunk {
  return { ...c, ind: [...c.ind, ...ind] };
}

/** mulberry32: small, seeded, the same on every run. */
export class Rng {
  #s: number;
  constructor(seed: number) {
    this.#s = seed >>> 0;
  }
  next(): number {
    let x = (this.#s = (this.#s + 0x6d2b79f5) >>> 0);
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.next() * xs.length)];
    if (x === undefined) throw new Error('pick from empty list');
    return x;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(this.next() * 256);
    return out;
  }
  /** k distinct items, in random order. */
  sample<T>(xs: readonly T[], k: number): T[] {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------- phones

interface PhonePlan {
  cc: string;
  /** National significant number (E.164 without the country code). */
  nsn: string;
  /** Digits as written nationally (trunk prefix included where used, e.g. AU "0491570156"). */
  national: string;
  /** Group sizes of `national` for the usual local layout. */
  groups: number[];
  /** Plain local layout. */
  plain: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A fresh invented number for a region; `k` (0–99) varies the last digits. */
export function phonePlan(region: string, rng: Rng): PhonePlan {
  const k = pad2(rng.int(0, 99));
  const group = (s: string, sizes: number[], sep = ' '): string => {
    const out: string[] = [];
    let i = 0;
    for (const n of sizes) {
      out.push(s.slice(i, i + n));
      i += n;
    }
    return out.join(sep);
  };
  switch (region) {
    case 'CO': {
      const nsn = `${rng.pick(['310', '300', '315', '320', '311'])}55501${k}`;
      return { cc: '57', nsn, national: nsn, groups: [3, 3, 4], plain: group(nsn, [3, 3, 4]) };
    }
    case 'MX': {
      const nsn = `${rng.pick(['55', '33', '81'])}555501${k}`;
      return { cc: '52', nsn, national: nsn, groups: [2, 4, 4], plain: group(nsn, [2, 4, 4]) };
    }
    case 'ES': {
      const nsn = `${rng.pick(['612', '655', '699'])}5551${k}`;
      return { cc: '34', nsn, national: nsn, groups: [3, 3, 3], plain: group(nsn, [3, 3, 3]) };
    }
    case 'PE': {
      const nsn = `${rng.pick(['912', '955', '987'])}5551${k}`;
      return { cc: '51', nsn, national: nsn, groups: [3, 3, 3], plain: group(nsn, [3, 3, 3]) };
    }
    case 'US':
    case 'CA': {
      const area = region === 'US' ? rng.pick(['202', '312', '305', '415', '713']) : rng.pick(['416', '604', '514', '613']);
      const nsn = `${area}55501${k}`;
      return { cc: '1', nsn, national: nsn, groups: [3, 3, 4], plain: `(${area}) 555-01${k}` };
    }
    case 'AU': {
      const nsn = `491570${rng.pick(['006', '156', '157', '158', '159', '110', '313', '737'])}`;
      const national = `0${nsn}`;
      return { cc: '61', nsn, national, groups: [4, 3, 3], plain: group(national, [4, 3, 3]) };
    }
    case 'BR': {
      const ddd = rng.pick(['11', '21', '31', '71', '61']);
      const nsn = `${ddd}9555501${k}`.slice(0, 11);
      return { cc: '55', nsn, national: nsn, groups: [2, 5, 4], plain: `(${ddd}) ${nsn.slice(2, 7)}-${nsn.slice(7)}` };
    }
    case 'PT': {
      const nsn = `${rng.pick(['912', '936', '961'])}5551${k}`;
      return { cc: '351', nsn, national: nsn, groups: [3, 3, 3], plain: group(nsn, [3, 3, 3]) };
    }
    default:
      throw new Error(`no phone plan for ${region}`);
  }
}

export const DIGIT_WORDS: Readonly<Record<Lang, readonly string[]>> = {
  es: ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  pt: ['zero', 'um', 'dois', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove'],
};
const TRIPLE: Readonly<Record<Lang, string>> = { es: 'triple', en: 'triple', pt: 'triplo' };
const DOUBLE: Readonly<Record<Lang, string>> = { es: 'doble', en: 'double', pt: 'duplo' };

const KEYCAP = (d: string): string => `${d}\uFE0F\u20E3`;
const CIRCLED = (d: string): string => (d === '0' ? '\u24EA' : String.fromCodePoint(0x2460 + Number(d) - 1));
const FULLWIDTH = (d: string): string => String.fromCodePoint(0xff10 + Number(d));

function grouped(digits: string, sizes: readonly number[], sep: string, map: (d: string) => string = (d) => d, inner = ''): string {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    out.push([...digits.slice(i, i + n)].map(map).join(inner));
    i += n;
  }
  if (i < digits.length) out.push([...digits.slice(i)].map(map).join(inner));
  return out.join(sep);
}

export const PHONE_STYLES = [
  'plain',
  'compact',
  'dots',
  'intl',
  'spread',
  'chunky',
  'words',
  'mixed',
  'leet',
  'keycap',
  'circled',
  'fullwidth',
  'triple',
  'wame',
  'walink',
  'tel',
] as const;
export type PhoneStyle = (typeof PHONE_STYLES)[number];

/** An invented phone written in `style`: a chunk with the phone entity (and the WhatsApp handle for links). */
export function phone(region: string, style: PhoneStyle, lang: Lang, rng: Rng): Chunk {
  const p = phonePlan(region, rng);
  const e164 = `+${p.cc}${p.nsn}`;
  const words = DIGIT_WORDS[lang];
  const word = (d: string): string => words[Number(d)] ?? d;
  const one = (text: string): Chunk => ({ text, ents: [{ type: 'phone', normalized: e164, start: 0, end: text.length, style }], ind: [] });
  switch (style) {
    case 'plain':
      return one(p.plain);
    case 'compact':
      return one(p.national);
    case 'dots':
      return one(grouped(p.national, p.groups, '.'));
    case 'intl': {
      const nsnGroups = p.national === p.nsn ? p.groups : [p.groups[0]! - 1, ...p.groups.slice(1)];
      return one(`+${p.cc} ${grouped(p.nsn, nsnGroups, ' ')}`);
    }
    case 'spread':
      return one([...p.national].join(' '));
    case 'chunky': {
      // "3 1 0-555 01 23": the first group spread, the rest in pairs and triples.
      const [g0 = 3, g1 = 3] = p.groups;
      const a = [...p.national.slice(0, g0)].join(' ');
      const b = p.national.slice(g0, g0 + g1);
      const rest = p.national.slice(g0 + g1);
      const pairs = rest.match(/.{1,2}/g)?.join(' ') ?? rest;
      return one(`${a}-${b} ${pairs}`);
    }
    case 'words':
      return one([...p.national].map(word).join(' '));
    case 'mixed': {
      const g0 = p.groups[0] ?? 3;
      return one(`${[...p.national.slice(0, g0)].map(word).join(' ')} ${grouped(p.national.slice(g0), p.groups.slice(1), ' ')}`);
    }
    case 'leet':
      return one(p.plain.replace(/0/g, 'O').replace(/1/g, 'l'));
    case 'keycap':
      return one(grouped(p.national, p.groups, ' ', KEYCAP));
    case 'circled':
      return one(grouped(p.national, p.groups, ' ', CIRCLED));
    case 'fullwidth':
      return one(grouped(p.national, p.groups, ' ', FULLWIDTH));
    case 'triple': {
      // Words, with a run of equal digits said as "triple cinco" / "doble cero" (plain words when there is none).
      const run = /(\d)\1\1/.exec(p.national) ?? /(\d)\1/.exec(p.national);
      if (run === null) return one([...p.national].map(word).join(' '));
      const before = [...p.national.slice(0, run.index)].map(word);
      const after = [...p.national.slice(run.index + run[0].length)].map(word);
      const rep = run[0].length === 3 ? TRIPLE[lang] : DOUBLE[lang];
      return one([...before, rep, word(run[1] ?? '0'), ...after].join(' '));
    }
    case 'wame': {
      const digits = `${p.cc}${p.nsn}`;
      const text = `wa.me/${digits}`;
      return {
        text,
        ents: [
          { type: 'handle', normalized: `whatsapp:${e164}`, start: 0, end: text.length, style },
          { type: 'phone', normalized: e164, start: 6, end: text.length, style },
        ],
        ind: [],
      };
    }
    case 'walink': {
      const digits = `${p.cc}${p.nsn}`;
      const text = `https://api.whatsapp.com/send?phone=${digits}`;
      return {
        text,
        ents: [
          { type: 'handle', normalized: `whatsapp:${e164}`, start: 0, end: text.length, style },
          { type: 'phone', normalized: e164, start: text.length - digits.length, end: text.length, style },
        ],
        ind: [],
      };
    }
    case 'tel': {
      const text = `tel:${e164}`;
      return { text, ents: [{ type: 'phone', normalized: e164, start: 4, end: text.length, style }], ind: [] };
    }
  }
}

// ---------------------------------------------------------------------------------------------------- e-mails

const LOCAL_WORDS = ['fict', 'demo', 'inventada', 'ejemplo', 'teste', 'sample', 'nova', 'eval'];

const ascii = (s: string): string => s.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');

export function invent(rng: Rng, names: readonly string[]): string {
  return `${ascii(rng.pick(names))}${rng.pick(['.', '_', ''])}${rng.pick(LOCAL_WORDS)}${rng.int(10, 99)}`;
}

export const EMAIL_STYLES = ['plain', 'words', 'brackets', 'parens', 'provider'] as const;
export type EmailStyle = (typeof EMAIL_STYLES)[number];

export function email(style: EmailStyle, lang: Lang, rng: Rng, names: readonly string[]): Chunk {
  const local = invent(rng, names);
  const one = (text: string, normalized: string): Chunk => ({
    text,
    ents: [{ type: 'email', normalized, start: 0, end: text.length, style }],
    ind: [],
  });
  const domain = rng.pick(['example.com', 'example.org', 'example.net']);
  const [name, tld] = domain.split('.') as [string, string];
  const at = lang === 'en' ? 'at' : 'arroba';
  const dot = lang === 'en' ? 'dot' : lang === 'es' ? 'punto' : 'ponto';
  switch (style) {
    case 'plain':
      return one(`${local}@${domain}`, `${local}@${domain}`);
    case 'words':
      return one(`${local} ${at} ${name} ${dot} ${tld}`, `${local}@${domain}`);
    case 'brackets':
      return one(`${local} [at] ${name} [dot] ${tld}`, `${local}@${domain}`);
    case 'parens':
      return one(`${local}(at)${name}(dot)${tld}`, `${local}@${domain}`);
    case 'provider': {
      const provider = rng.pick(['gmail', 'hotmail', 'outlook']);
      return one(`${local} ${at} ${provider}`, `${local}@${provider}.com`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------- handles

export const HANDLE_STYLES = [
  'ig-at',
  'insta-word',
  'tg-at',
  'tg-link',
  'ig-link',
  'of-link',
  'tiktok-link',
  'x-link',
  'fb-link',
  'snap-label',
  'of-label',
  'bare-at',
  'at-after',
] as const;
export type HandleStyle = (typeof HANDLE_STYLES)[number];

/** An invented user name of at most 15 characters (fits every platform's rules). */
export function username(rng: Rng, names: readonly string[]): string {
  const base = ascii(rng.pick(names)).slice(0, 7);
  return `${base}${rng.pick(['_', '.', ''])}${rng.pick(['fict', 'demo', 'x', 'oficial', 'real'])}${rng.int(1, 99)}`.replace(
    /\.$/,
    '',
  );
}

export function handle(style: HandleStyle, lang: Lang, rng: Rng, names: readonly string[]): Chunk {
  let user = username(rng, names);
  if (style === 'x-link' || style === 'snap-label' || style === 'tg-at' || style === 'tg-link') user = user.replace(/\./g, '_');
  if (style === 'fb-link') user = user.replace(/_/g, '.'); // Facebook names: letters, digits and dots
  const ent = (platform: string, start: number, end: number): RelEntity => ({
    type: 'handle',
    normalized: `${platform}:${user.toLowerCase()}`,
    start,
    end,
    style,
  });
  const around = (prefix: string, value: string, suffix: string, platform: string): Chunk => {
    const text = `${prefix}${value}${suffix}`;
    return { text, ents: [ent(platform, prefix.length, prefix.length + value.length)], ind: [] };
  };
  const on = lang === 'en' ? 'on' : lang === 'es' ? 'en' : 'no';
  switch (style) {
    case 'ig-at':
      return around('IG: ', `@${user}`, '', 'instagram');
    case 'insta-word':
      return around('Instagram ', `@${user}`, '', 'instagram');
    case 'tg-at':
      return around('Telegram: ', `@${user}`, '', 'telegram');
    case 'tg-link':
      return around('', `t.me/${user}`, '', 'telegram');
    case 'ig-link':
      return around('', `https://instagram.com/${user}`, '', 'instagram');
    case 'of-link':
      return around('', `onlyfans.com/${user}`, '', 'onlyfans');
    case 'tiktok-link':
      return around('', `tiktok.com/@${user}`, '', 'tiktok');
    case 'x-link':
      return around('', `https://x.com/${user}`, '', 'twitter');
    case 'fb-link':
      return around('', `facebook.com/${user}`, '', 'facebook');
    case 'snap-label':
      return around('Snap: ', user, '', 'snapchat');
    case 'of-label':
      return around('OF: ', user, '', 'onlyfans');
    case 'bare-at':
      return around('', `@${user}`, '', 'unknown');
    case 'at-after':
      return around('', `@${user}`, ` ${on} IG`, 'instagram');
  }
}

// ------------------------------------------------------------------------------------------------------- links

/** The normalised form the issue asks for: https + lower-case host without www., no tracking parameters or fragment. */
export function normalizeLink(raw: string): string {
  const u = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (/^(?:utm_.+|fbclid|gclid)$/i.test(key)) u.searchParams.delete(key);
  const host = u.hostname.replace(/^www\./, '');
  const p = u.pathname === '/' ? '' : u.pathname;
  const q = u.searchParams.size > 0 ? u.search : '';
  return `${u.protocol}//${host}${u.port ? `:${u.port}` : ''}${p}${q}`;
}

export function link(rng: Rng, slug: string): Chunk {
  const path = rng.pick(['anuncio', 'perfil', 'info', 'ad', 'p', 'galeria', 'vaga']);
  const n = rng.int(100, 9999);
  const raw = rng.pick([
    `www.example.com/${path}/${n}`,
    `https://${slug}.example.org/${path}`,
    `https://www.example.net/${slug}?utm_source=fb&id=${n}`,
    `example.com/${slug}-${n}`,
    `http://example.org/${path}/${slug}#fotos`,
  ]);
  return { text: raw, ents: [{ type: 'url', normalized: normalizeLink(raw), start: 0, end: raw.length, style: 'link' }], ind: [] };
}

// ----------------------------------------------------------------------------------------------------- wallets

export const WALLET_STYLES = [
  'btc-p2pkh',
  'btc-p2sh',
  'btc-segwit',
  'btc-taproot',
  'eth',
  'eth-lower',
  'tron',
  'ltc',
  'ltc-segwit',
  'xmr',
] as const;
export type WalletStyle = (typeof WALLET_STYLES)[number];

const base58Addr = (version: number, rng: Rng): string => base58CheckEncode(Uint8Array.from([version, ...rng.bytes(20)]));
const segwitAddr = (hrp: string, version: number, program: Uint8Array): string =>
  bech32Encode(hrp, [version, ...(convertBits([...program], 8, 5, true) ?? [])], version === 0 ? 'bech32' : 'bech32m');

/** An invented, checksum-valid address: `value` as written, `normalized` canonical. */
export function walletAddress(style: WalletStyle, rng: Rng): { value: string; normalized: string } {
  switch (style) {
    case 'btc-p2pkh':
      return same(base58Addr(0x00, rng));
    case 'btc-p2sh':
      return same(base58Addr(0x05, rng));
    case 'btc-segwit':
      return same(segwitAddr('bc', 0, rng.bytes(20)));
    case 'btc-taproot':
      return same(segwitAddr('bc', 1, rng.bytes(32)));
    case 'eth':
      return same(toChecksumAddress(`0x${hex(rng.bytes(20))}`));
    case 'eth-lower': {
      const lower = `0x${hex(rng.bytes(20))}`;
      return { value: lower, normalized: toChecksumAddress(lower) };
    }
    case 'tron':
      return same(base58Addr(0x41, rng));
    case 'ltc':
      return same(base58Addr(0x30, rng));
    case 'ltc-segwit':
      return same(segwitAddr('ltc', 0, rng.bytes(20)));
    case 'xmr': {
      const body = Uint8Array.from([18, ...rng.bytes(64)]);
      const sum = keccak_256(body).subarray(0, 4);
      return same(moneroBase58Encode(Uint8Array.from([...body, ...sum])));
    }
  }
}

function same(v: string): { value: string; normalized: string } {
  return { value: v, normalized: v };
}

function hex(b: Uint8Array): string {
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

export function wallet(style: WalletStyle, rng: Rng): Chunk {
  const w = walletAddress(style, rng);
  return { text: w.value, ents: [{ type: 'wallet', normalized: w.normalized, start: 0, end: w.value.length, style }], ind: [] };
}

// ----------------------------------------------------------------------------------- hand-written ad markers

/**
 * Parses a hand-written ad: `{{type|normalized|surface}}` marks an entity; `{{wame|+E164|wa.me/…}}` marks a WhatsApp
 * link (a handle and the phone inside it). Everything else is literal text.
 */
export function marked(src: string): Chunk {
  const out: Chunk = { text: '', ents: [], ind: [] };
  const re = /\{\{(\w+)\|([^|}]+)\|([^}]+)\}\}/g;
  let last = 0;
  for (const m of src.matchAll(re)) {
    out.text += src.slice(last, m.index);
    const [, type = '', normalized = '', surface = ''] = m;
    const start = out.text.length;
    out.text += surface;
    const end = out.text.length;
    if (type === 'wame') {
      const digitsAt = surface.search(/\d/);
      out.ents.push({ type: 'handle', normalized: `whatsapp:${normalized}`, start, end, style: 'wame' });
      out.ents.push({ type: 'phone', normalized, start: start + digitsAt, end, style: 'wame' });
    } else if (type === 'phone' || type === 'email' || type === 'wallet' || type === 'handle' || type === 'url') {
      out.ents.push({ type, normalized, start, end, style: 'hand' });
    } else {
      throw new Error(`unknown marker type ${type} in: ${src.slice(0, 40)}`);
    }
    last = m.index + m[0].length;
  }
  out.text += src.slice(last);
  return out;
}
