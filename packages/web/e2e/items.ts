import { expect, type Page } from '@playwright/test';
import { csrfOf } from './helpers';

// Invented ads for the items tests (es, en, pt). Sites end in `.test`, phone numbers are in fictional 555 ranges,
// names and handles are made up: no real person, site or ad.

export interface AdInput {
  url: string;
  title?: string;
  text?: string;
  region?: string;
  locationText?: string;
  priceText?: string;
  mediaRefs?: string[];
  postedAt?: string;
}

export interface StoredItem {
  id: string;
  url: string | null;
  title: string | null;
  riskScore: number | null;
}

/** Four digits that differ between runs, so that each test's phone numbers are its own. */
export function uniqueDigits(): { a: string; b: string; four: string } {
  const n = String(Date.now() % 10000).padStart(4, '0');
  return { a: n.slice(0, 2), b: n.slice(2), four: n };
}

/** A set of invented ads on one site, with a phone shared by the first and the fourth (written differently). */
export function inventedAds(site: string, digits: { a: string; b: string }): AdInput[] {
  const base = `https://${site}`;
  return [
    {
      url: `${base}/bogota/101`,
      title: 'Colegiala recién llegada',
      text: `Nuevas chicas 24 horas. Llama al tres uno cero 555 ${digits.a} ${digits.b} o escribe a lola.prueba arroba ejemplo punto com`,
      region: 'CO',
      locationText: 'Bogotá',
      priceText: '150.000 COP',
      mediaRefs: [`${base}/media/foto-101.jpg`],
    },
    {
      url: `${base}/nyc/202`,
      title: 'New girls in town',
      text: 'Just turned 18, incall/outcall 24/7. Text me, telegram @sweetlily_test',
      region: 'US',
    },
    {
      url: `${base}/sp/303`,
      title: 'Novinha recém chegada',
      text: 'Atendimento 24h, sem camisinha. WhatsApp (11) 98765-4321',
      region: 'BR',
    },
    {
      url: `${base}/bogota/bici-404`,
      title: 'Vendo bicicleta de montaña',
      text: `Poco uso, 200 dólares. Llamar al 310 555 ${digits.a}${digits.b} por las tardes.`,
      region: 'CO',
    },
  ];
}

/** Stores ads through `POST /api/v1/items` with the signed-in admin's session. */
export async function ingestViaApi(page: Page, items: AdInput[]): Promise<void> {
  const csrf = await csrfOf(page);
  const res = await page.request.post('/api/v1/items', { data: { items }, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { created: number; invalid: unknown[] };
  expect(body.invalid).toEqual([]);
}

/**
 * The items of a site once all are analysed: ids from the list (the ingest answer carries counts only), then
 * `GET /api/v1/items/{id}` polled until `riskScore` is set (the SQLite server runs the analysis jobs in-process).
 */
export async function waitAnalysed(page: Page, site: string, count: number, reason?: { purpose: string }): Promise<StoredItem[]> {
  const q = new URLSearchParams({ site, limit: '200' });
  if (reason) q.set('purpose', reason.purpose);
  let items: StoredItem[] = [];
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/v1/items?${q.toString()}`);
        expect(res.status()).toBe(200);
        items = ((await res.json()) as { items: StoredItem[] }).items;
        return items.length;
      },
      { timeout: 15_000 },
    )
    .toBe(count);
  const analysed: StoredItem[] = [];
  for (const it of items) {
    let item: StoredItem | null = null;
    await expect
      .poll(
        async () => {
          const res = await page.request.get(`/api/v1/items/${it.id}${reason ? `?purpose=${encodeURIComponent(reason.purpose)}` : ''}`);
          expect(res.status()).toBe(200);
          item = ((await res.json()) as { item: StoredItem }).item;
          return item.riskScore;
        },
        { timeout: 20_000, intervals: [200, 300, 500, 1000] },
      )
      .not.toBeNull();
    analysed.push(item!);
  }
  return analysed;
}

/** The id of the item stored at this URL. */
export function byUrl(items: StoredItem[], url: string): StoredItem {
  const found = items.find((i) => i.url === url);
  if (!found) throw new Error(`no item at ${url}`);
  return found;
}
