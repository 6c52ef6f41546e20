// Ad analysis throughput: indicators + entities + risk score on invented ads (es/en/pt, ~500 characters).
// Every ad is invented by a seeded generator, so every run measures the same input. Bounded to ~40 s.
import type { CountryCode } from '../packages/core/src/entities/index.js';
import { score } from '../packages/core/src/risk/index.js';
import { detectLanguage, matchIndicators } from '../packages/core/src/text/index.js';

export interface TextBenchOptions {
  /** Ads to generate (default 20,000). */
  ads?: number;
  /** Wall-time budget for the timed passes together (default 30 s). */
  maxSeconds?: number;
  log?: (line: string) => void;
}

export interface TextBenchResult {
  ads: number;
  averageChars: number;
  /** Full `score()` with language detection (franc). */
  adsPerSecond: number;
  /** Full `score()` with the language given (site default), no detection. */
  adsPerSecondKnownLanguage: number;
  heapBeforeMB: number;
  heapAfterMB: number;
  meanScore: number;
}

type Lang = 'es' | 'en' | 'pt';
const REGION: Readonly<Record<Lang, CountryCode>> = { es: 'CO', en: 'US', pt: 'BR' };

/** mulberry32: a tiny seeded PRNG so ads are the same on every run. */
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

// Invented sentences. Neutral ones make most of each ad; cue sentences appear with some probability.
const NEUTRAL: Readonly<Record<Lang, readonly string[]>> = {
  es: [
    'Hola caballeros, soy una mujer alegre, educada y muy cariñosa.',
    'Ambiente limpio y discreto, con parqueadero cerca.',
    'Mido 1.62, cabello largo y ojos café, me encanta conversar.',
    'Tarifas claras desde $120.000 la hora, sin sorpresas.',
    'Respondo rápido, agenda tu cita con tiempo por favor.',
    'Fotos reales y recientes, lo que ves es lo que encuentras 💋.',
    'Atención solo a caballeros respetuosos y aseados.',
  ],
  en: [
    'Hello gentlemen, I am a friendly, upbeat and classy companion.',
    'Clean and discreet place with easy parking nearby.',
    'I am 5 ft 5 with long hair, I love good conversation.',
    'Clear rates from $180 per hour, no surprises.',
    'I reply fast, please book ahead when you can.',
    'Recent real photos, what you see is what you get 💋.',
    'Respectful and clean gentlemen only, please.',
  ],
  pt: [
    'Oi amores, sou uma mulher alegre, educada e muito carinhosa.',
    'Ambiente limpo e discreto, com estacionamento perto.',
    'Tenho 1,65 de altura, cabelo longo, adoro conversar.',
    'Cachê a partir de R$ 250 a hora, sem surpresas.',
    'Respondo rápido, marque seu horário com antecedência.',
    'Fotos reais e recentes, sem enganação 💋.',
    'Atendo somente homens educados e cheirosos.',
  ],
};

const CUES: Readonly<Record<Lang, readonly string[]>> = {
  es: [
    'Tenemos nuevas chicas venezolanas recién llegadas.',
    'Colegiala de 18 añitos, muy jovencita.',
    'Servicio sin condón y sin límites.',
    'Atendemos 24/7 en hoteles y domicilios.',
    'Reservas con mi manager, te la llevamos a tu hotel.',
    'Escríbeme al wsp, solo mensajes.',
    'Por pocos días en tu ciudad.',
    'No menores, solo mayores de edad.',
  ],
  en: [
    'We have new girls, asian and latina, just arrived.',
    'Just turned 18, barely legal schoolgirl.',
    'No limits, bareback available.',
    'Incall and outcall 24/7.',
    'Booking through my driver, pay the manager.',
    'Text only, no calls, dm me.',
    'New in town only a few days.',
    '18+ only, no minors.',
  ],
  pt: [
    'Temos meninas novas paraguaias recém-chegadas.',
    'Novinha de 18 aninhos, bem novinha.',
    'Sem camisinha e sem limites.',
    'Atendemos 24 horas em motéis.',
    'Falar com o responsável, levamos até você.',
    'Chama no zap, só mensagem.',
    'Por poucos dias na cidade.',
    'Proibido menores de idade.',
  ],
};

const JOB: Readonly<Record<Lang, string>> = {
  es: 'Trabajo inmediato para señoritas de 18 a 25 años, sin experiencia, pasaje pagado y alojamiento incluido, dinero rápido. Info solo por whatsapp.',
  en: 'Hostess wanted, females only, no experience needed, travel paid and housing provided, easy money. Contact on whatsapp only.',
  pt: 'Trabalho no exterior para meninas, sem experiência, passagem paga e moradia inclusa, dinheiro rápido. Só pelo whatsapp.',
};

const NUMBER_WORDS: Readonly<Record<Lang, readonly string[]>> = {
  es: ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  pt: ['zero', 'um', 'dois', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove'],
};

function phone(lang: Lang, rnd: () => number): string {
  const d = (n: number): string => Array.from({ length: n }, () => String(Math.floor(rnd() * 10))).join('');
  const digits = lang === 'es' ? `310555${d(4)}` : lang === 'en' ? `21255501${d(2)}` : `119${d(8)}`;
  const style = Math.floor(rnd() * 3);
  if (style === 0) return digits;
  if (style === 1) return [...digits].join(' ');
  return [...digits].map((c) => NUMBER_WORDS[lang][Number(c)]).join(' ');
}

/** One invented ad of roughly 500 characters. */
export function inventTextAd(rnd: () => number): { text: string; lang: Lang; region: CountryCode } {
  const lang = (['es', 'en', 'pt'] as const)[Math.floor(rnd() * 3)] ?? 'es';
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const parts: string[] = [];
  if (rnd() < 0.15) parts.push(JOB[lang]);
  while (parts.join(' ').length < 420) parts.push(rnd() < 0.3 ? pick(CUES[lang]) : pick(NEUTRAL[lang]));
  parts.push(`${lang === 'en' ? 'Call' : lang === 'es' ? 'Llama al' : 'Liga'} ${phone(lang, rnd)}`);
  return { text: parts.join(' '), lang, region: REGION[lang] };
}

const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

export async function run(options: TextBenchOptions = {}): Promise<TextBenchResult> {
  const count = options.ads ?? 20_000;
  const budgetMs = (options.maxSeconds ?? 30) * 1000;
  const log = options.log ?? ((line: string) => console.log(line));
  const rnd = prng(0x7e57);
  const ads = Array.from({ length: count }, () => inventTextAd(rnd));
  const averageChars = ads.reduce((n, a) => n + a.text.length, 0) / Math.max(1, ads.length);

  // Warm up the JIT, the compiled lexicons and libphonenumber metadata.
  for (const ad of ads.slice(0, Math.min(1000, ads.length))) score(ad.text, { defaultRegion: ad.region });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;

  const pass = (label: string, f: (ad: (typeof ads)[number]) => number, share: number): { rate: number; mean: number } => {
    const limit = budgetMs * share;
    let done = 0;
    let sum = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const ad of ads) {
      sum += f(ad);
      done++;
      if ((done & 127) === 0 && performance.now() - t0 > limit) break;
    }
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const rate = done / Math.max(cpuSeconds, 1e-9);
    log(`${label}: ${done} ads, ${Math.round(done / wall)} ads/s wall, ${Math.round(rate)} ads/s per core (CPU time), ${((cpuSeconds / done) * 1e6).toFixed(0)} µs/ad`);
    return { rate, mean: sum / Math.max(1, done) };
  };

  const auto = pass('score (indicators + entities + risk, language detected)', (ad) => score(ad.text, { defaultRegion: ad.region }).score, 0.4);
  const known = pass('score (language given)', (ad) => score(ad.text, { defaultRegion: ad.region, language: ad.lang }).score, 0.3);
  pass('  of which: language detection', (ad) => (detectLanguage(ad.text).language === 'und' ? 0 : 1), 0.1);
  pass('  of which: indicators (language given)', (ad) => matchIndicators(ad.text, { language: ad.lang }).matches.length, 0.1);
  pass('  of which: indicators (all lexicons, und)', (ad) => matchIndicators(ad.text, { language: 'und' }).matches.length, 0.1);

  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  log(
    `heap used: ${mb(heapBefore)} MB before, ${mb(heapAfter)} MB after` +
      (gc === undefined ? ' (no --expose-gc: figures include uncollected garbage)' : ' (after gc)') +
      `; ${ads.length} ads of ${Math.round(averageChars)} chars on average`,
  );
  return {
    ads: ads.length,
    averageChars,
    adsPerSecond: auto.rate,
    adsPerSecondKnownLanguage: known.rate,
    heapBeforeMB: mb(heapBefore),
    heapAfterMB: mb(heapAfter),
    meanScore: auto.mean,
  };
}
