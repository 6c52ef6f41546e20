// Entity extraction throughput on invented ads (es/en/pt, ~500 characters, every obfuscation the extractor knows).
// Pure apart from the timer: ads come from a seeded generator, so every run measures the same input.
import { extractEntities, type CountryCode } from '../packages/core/src/entities/index.js';

export interface EntitiesBenchOptions {
  /** How many ads to generate (default 10,000). */
  ads?: number;
  /** Stop timing after this many seconds even if ads remain (default 25, keeping the run under 30 s). */
  maxSeconds?: number;
  /** Where figures are printed (default console.log). */
  log?: (line: string) => void;
}

export interface EntitiesBenchResult {
  ads: number;
  seconds: number;
  adsPerSecond: number;
  /** Ads per second of process CPU time (less sensitive to other load on the machine). */
  cpuAdsPerSecond: number;
  entities: number;
  averageChars: number;
}

/** Small seeded PRNG (mulberry32): deterministic ads without Math.random. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS: Readonly<Record<'es' | 'en' | 'pt', readonly string[]>> = {
  es: ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  pt: ['zero', 'um', 'dois', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove'],
};
const KEYCAP = '\uFE0F\u20E3';
const CIRCLED = ['⓪', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'];

type Lang = 'es' | 'en' | 'pt';
const REGION: Readonly<Record<Lang, CountryCode>> = { es: 'CO', en: 'US', pt: 'BR' };

/** An invented national number for the language's region (555 exchanges / sequential digits). */
function nationalNumber(lang: Lang, rnd: () => number): string {
  const d = (n: number): string => Array.from({ length: n }, () => String(Math.floor(rnd() * 10))).join('');
  if (lang === 'es') return `${['300', '310', '311', '312', '315', '316', '320', '321'][Math.floor(rnd() * 8)]}555${d(4)}`;
  if (lang === 'en') return `${['202', '212', '310', '415'][Math.floor(rnd() * 4)]}55501${d(2)}`;
  return `11${'9'}${d(8)}`;
}

function obfuscate(digits: string, lang: Lang, rnd: () => number): string {
  const style = Math.floor(rnd() * 7);
  const chars = [...digits];
  switch (style) {
    case 0:
      return digits;
    case 1:
      return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
    case 2:
      return chars.join(' ');
    case 3:
      return chars.map((c) => WORDS[lang][Number(c)]).join(' ');
    case 4:
      return chars.map((c) => c + KEYCAP).join('');
    case 5:
      return chars.map((c) => CIRCLED[Number(c)]).join('');
    default:
      return chars.map((c) => (c === '0' ? 'O' : c === '1' ? 'l' : c)).join('');
  }
}

const FILLER: Readonly<Record<Lang, readonly string[]>> = {
  es: [
    'Hola amores, soy nueva en la ciudad y estoy disponible todos los días.',
    'Ambiente discreto y seguro, atención de lunes a domingo.',
    'Tengo 24 años, mido 1.65 m, tarifa desde $150.000 la hora.',
    'Solo caballeros educados, no respondo mensajes sin foto.',
    'Fotos reales 100%, agenda tu cita con anticipación 💋.',
  ],
  en: [
    'Hi gentlemen, sweet and discreet companion, new in town for a few days.',
    'Incall and outcall available, rates from $200, no rush.',
    'Real pics only, 23 years old, 5 ft 6, text me anytime.',
    'Serious clients only, screening required before meeting.',
    'Available 24/7 this week, book early to avoid waiting 🔥.',
  ],
  pt: [
    'Oi amores, sou nova na cidade e atendo todos os dias.',
    'Local discreto e seguro, atendimento com hora marcada.',
    'Tenho 22 anos, cachê a partir de R$ 300,00 a hora.',
    'Só homens educados, fotos 100% reais, sem enrolação.',
    'Agenda aberta a semana toda, chama no privado 😘.',
  ],
};

/** Generates one invented ad of roughly 500 characters. */
export function inventAd(rnd: () => number): { text: string; region: CountryCode } {
  const lang = (['es', 'en', 'pt'] as const)[Math.floor(rnd() * 3)]!;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const parts = [pick(FILLER[lang]), pick(FILLER[lang]), pick(FILLER[lang])];
  const phone = nationalNumber(lang, rnd);
  parts.push(`${lang === 'en' ? 'Call' : lang === 'es' ? 'Llama al' : 'Liga'} ${obfuscate(phone, lang, rnd)}.`);
  const extra = Math.floor(rnd() * 6);
  const user = `user${Math.floor(rnd() * 100000)}`;
  if (extra === 0) parts.push(`WhatsApp wa.me/${lang === 'es' ? '57' : lang === 'en' ? '1' : '55'}${phone}`);
  if (extra === 1) parts.push(`Email: ${user} arroba example punto com`);
  if (extra === 2) parts.push(`IG: @${user}.bella | telegram @${user}_tg`);
  if (extra === 3) parts.push('BTC 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 o ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed');
  if (extra === 4) parts.push(`Fotos: https://www.example.com/anuncio/${Math.floor(rnd() * 1e6)}?utm_source=x`);
  parts.push(pick(FILLER[lang]), pick(FILLER[lang]), pick(FILLER[lang]), pick(FILLER[lang]));
  return { text: parts.join(' '), region: REGION[lang] };
}

export async function run(options: EntitiesBenchOptions = {}): Promise<EntitiesBenchResult> {
  const count = options.ads ?? 10_000;
  const maxMs = (options.maxSeconds ?? 25) * 1000;
  const log = options.log ?? ((line: string) => console.log(line));
  const rnd = prng(0xc3a7);
  const ads = Array.from({ length: count }, () => inventAd(rnd));
  const averageChars = ads.reduce((n, a) => n + a.text.length, 0) / Math.max(1, ads.length);

  // Warm up the JIT and libphonenumber's metadata so the figure reflects steady state.
  for (const ad of ads.slice(0, Math.min(2000, ads.length))) extractEntities(ad.text, { defaultRegion: ad.region });

  let entities = 0;
  let done = 0;
  // CPU time as well as wall time: on a shared machine, CPU time is the fairer per-core figure.
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const ad of ads) {
    entities += extractEntities(ad.text, { defaultRegion: ad.region }).length;
    done++;
    if ((done & 255) === 0 && performance.now() - t0 > maxMs) break;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const result: EntitiesBenchResult = {
    ads: done,
    seconds,
    adsPerSecond: done / Math.max(seconds, 1e-9),
    cpuAdsPerSecond: done / Math.max(cpuSeconds, 1e-9),
    entities,
    averageChars,
  };
  log(
    `entities: ${result.ads} ads (~${Math.round(averageChars)} chars) in ${seconds.toFixed(2)} s → ` +
      `${Math.round(result.adsPerSecond)} ads/s wall, ${Math.round(result.cpuAdsPerSecond)} ads/s per CPU-second, ` +
      `${entities} entities`,
  );
  return result;
}
