// City-name normalisation and lookup over the shipped gazetteer (gazetteerData.ts, generated from GeoNames by
// scripts/gazetteer/build.ts). Pure: the data is a string constant parsed once on first use.
import { GAZETTEER_DATA, GAZETTEER_VERSION } from './gazetteerData.js';

export { GAZETTEER_VERSION };

export interface City {
  /** `geonames:<id>`: stable across gazetteer versions. */
  id: string;
  /** GeoNames name (local spelling, e.g. "Bogotá", "Montréal"). */
  name: string;
  nameEs: string;
  nameEn: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** First-order division code as GeoNames writes it ("TX", "34"…). */
  admin1: string;
  lat: number;
  lon: number;
  population: number;
}

/** Folds a place name for comparison: accents, case, punctuation and spacing do not matter. */
export function foldPlace(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.'’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Index {
  byId: Map<string, City>;
  byKey: Map<string, City[]>;
}

let index: Index | undefined;

function load(): Index {
  if (index) return index;
  const byId = new Map<string, City>();
  const byKey = new Map<string, City[]>();
  const add = (key: string, city: City) => {
    const k = foldPlace(key);
    if (k === '') return;
    const list = byKey.get(k);
    if (list === undefined) byKey.set(k, [city]);
    else if (!list.includes(city)) list.push(city);
  };
  for (const line of GAZETTEER_DATA.split('\n')) {
    const [id, name, country, admin1, lat, lon, population, es, en, aliases] = line.split('|') as string[];
    const city: City = {
      id: `geonames:${id}`,
      name: name as string,
      nameEs: es || (name as string),
      nameEn: en || (name as string),
      country: country as string,
      admin1: admin1 as string,
      lat: Number(lat),
      lon: Number(lon),
      population: Number(population),
    };
    byId.set(city.id, city);
    add(city.name, city);
    add(city.nameEs, city);
    add(city.nameEn, city);
    for (const a of (aliases ?? '').split(';')) if (a) add(a, city);
  }
  // Biggest first, so an unqualified "San José" or "Córdoba" means the most likely one.
  for (const list of byKey.values()) list.sort((a, b) => b.population - a.population);
  index = { byId, byKey };
  return index;
}

/** Countries written in full in location fields, folded → ISO code. */
const COUNTRY_NAMES: Record<string, string> = {
  mexico: 'MX', colombia: 'CO', argentina: 'AR', brasil: 'BR', brazil: 'BR', chile: 'CL', peru: 'PE', venezuela: 'VE',
  ecuador: 'EC', bolivia: 'BO', paraguay: 'PY', uruguay: 'UY', panama: 'PA', 'costa rica': 'CR', guatemala: 'GT',
  honduras: 'HN', 'el salvador': 'SV', nicaragua: 'NI', cuba: 'CU', 'republica dominicana': 'DO', 'dominican republic': 'DO',
  'puerto rico': 'PR', espana: 'ES', spain: 'ES', usa: 'US', eeuu: 'US', 'estados unidos': 'US', 'united states': 'US',
  us: 'US', canada: 'CA',
};

export function cityById(id: string): City | undefined {
  return load().byId.get(id);
}

export interface LookupOptions {
  /** Country hint (ISO alpha-2), e.g. the item's phone region. */
  country?: string | null;
}

/**
 * The city a free-text location names ("Bogotá", "bogota d.c.", "Houston, TX", "CDMX", "Nueva York"), or null.
 * Qualifiers after a comma, dash, slash or in brackets (state code, country) narrow the choice; the country hint
 * breaks remaining ties; otherwise the most populous candidate wins.
 */
export function lookupCity(text: string | null | undefined, options: LookupOptions = {}): City | null {
  if (typeof text !== 'string') return null;
  const raw = text.slice(0, 200);
  const { byKey } = load();
  const parts = raw.split(/[,/()\-–|]+/).map((p) => foldPlace(p)).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const whole = foldPlace(raw);
  const qualifiers = new Set(parts.slice(1));
  const pick = (list: City[] | undefined): City | null => {
    if (!list || list.length === 0) return null;
    const qualified = list.filter((c) => qualifies(c, qualifiers));
    const pool = qualified.length > 0 ? qualified : list;
    const hinted = options.country ? pool.filter((c) => c.country === options.country?.toUpperCase()) : [];
    return (hinted[0] ?? pool[0]) as City;
  };
  const direct = pick(byKey.get(whole));
  if (direct) return direct;
  for (const p of parts) {
    const found = pick(byKey.get(p)) ?? pick(byKey.get(p.replace(/^(zona|centro|norte|sur|downtown|ciudad de|city of)\s+/, '')));
    if (found) return found;
  }
  return null;
}

function qualifies(c: City, qualifiers: Set<string>): boolean {
  for (const q of qualifiers) {
    if (q === c.admin1.toLowerCase() || q === c.country.toLowerCase() || COUNTRY_NAMES[q] === c.country) return true;
  }
  return false;
}

/** Name of a city in the reader's language. */
export function cityName(city: City, language: 'es' | 'en'): string {
  return language === 'es' ? city.nameEs : city.nameEn;
}
