import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { patternPng } from './patternImage.js';

/**
 * "Tablón Demo": an invented classifieds site for trying, testing and benchmarking the crawler. Every ad, name,
 * phone and place is made up; images are generated patterns. It has what real sites have and what a crawler must
 * survive: listings with pagination, ad pages (CSS fields, or JSON-LD only), images, robots.txt with a disallowed
 * area and a Crawl-delay, a sitemap, redirect chains and a loop, an infinite calendar, a huge page, malformed
 * HTML with invalid bytes, a slow page, a page that answers 429 before it works, hostile markup in an ad, and —
 * in phase 2 — ads that are deleted (410) or silently dropped from the listings.
 */
export interface DemoSiteOptions {
  ads?: number;
  perPage?: number;
  /** robots.txt Crawl-delay in seconds (decimals allowed); omitted when 0. */
  crawlDelaySeconds?: number;
  /** Milliseconds the slow page waits. */
  slowMs?: number;
  /** Bytes of the huge page. */
  hugeBytes?: number;
  /** Serve no images (benchmarks of text pages). */
  images?: boolean;
}

export interface DemoSite {
  url: string;
  server: Server;
  /** Requests per path (with query), to prove what was and was not fetched. */
  hits: Map<string, number>;
  /** 1: everything online. 2: ads with id % 10 == 3 are deleted (410), id % 10 == 7 are no longer listed. */
  phase: 1 | 2;
  /** A listing page number that answers 500 (a broken listing), or null. */
  brokenListing: number | null;
  adIds: number[];
  /** Draws every ad's images now, as a real site serves stored files: a benchmark then times the crawler, not the fixture. */
  prepareImages(): Promise<void>;
  close(): Promise<void>;
}

interface Ad {
  id: number;
  lang: 'es' | 'en' | 'pt';
  title: string;
  text: string;
  city: string;
  price: string;
  phone: string;
  postedAt: string;
  jsonLdOnly: boolean;
}

const CITIES = { es: ['Rosario', 'Valparaíso', 'Cuenca', 'Arequipa', 'Salta'], en: ['Springfield', 'Riverton', 'Lakeside', 'Fairview'], pt: ['Curitiba', 'Campinas', 'Coimbra', 'Niterói'] };
const ITEMS = {
  es: ['Bicicleta de montaña', 'Sofá de tres plazas', 'Clases de guitarra', 'Departamento en alquiler', 'Cachorros de labrador', 'Se busca niñera', 'Heladera usada', 'Mesa de roble'],
  en: ['Mountain bike', 'Three-seat sofa', 'Guitar lessons', 'Flat for rent', 'Used fridge', 'Oak table', 'Babysitter wanted', 'Vintage camera'],
  pt: ['Bicicleta de montanha', 'Sofá de três lugares', 'Aulas de violão', 'Apartamento para alugar', 'Geladeira usada', 'Mesa de carvalho', 'Procura-se babá'],
};
const BLURB = {
  es: (t: string, c: string) => `${t} en muy buen estado, disponible en ${c}. Se entrega en persona, sin envíos. Consultas por mensaje.`,
  en: (t: string, c: string) => `${t} in very good condition, available in ${c}. Pick-up in person only, no shipping. Message for details.`,
  pt: (t: string, c: string) => `${t} em ótimo estado, disponível em ${c}. Entrega em mãos, sem envio. Perguntas por mensagem.`,
};

function makeAd(id: number): Ad {
  const lang = (['es', 'en', 'pt'] as const)[id % 3]!;
  const item = ITEMS[lang][(id * 7) % ITEMS[lang].length]!;
  const city = CITIES[lang][(id * 5) % CITIES[lang].length]!;
  let text = BLURB[lang](item, city);
  // Two ads of a templated family share a phone across cities, as a network would.
  const phone = id % 17 === 0 ? '+54 9 341 555 0170' : `+54 9 11 5${String(100_000 + ((id * 7919) % 899_999)).padStart(6, '0')}`;
  if (id === 5) text += ' <script>alert("xss")</script> <img src=x onerror=alert(1)>';
  return {
    id,
    lang,
    title: `${item} #${id}`,
    text,
    city,
    price: `${(id * 37) % 900 + 50}.000 ARS`,
    phone,
    postedAt: new Date(Date.UTC(2026, 9, 1) + id * 3_600_000).toISOString(),
    jsonLdOnly: id % 4 === 1,
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const page = (title: string, body: string, lang = 'es') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><header><a href="/">Tablón Demo</a></header>${body}</body></html>`;

/** Serves the demo site on 127.0.0.1 (port 0: any free port). */
export async function startDemoSite(opts: DemoSiteOptions = {}, port = 0): Promise<DemoSite> {
  const count = opts.ads ?? 240;
  const perPage = opts.perPage ?? 20;
  const ads = Array.from({ length: count }, (_, i) => makeAd(i + 1));
  const images = new Map<number, Promise<Buffer>>();
  const imageFor = (seed: number): Promise<Buffer> => {
    if (!images.has(seed)) images.set(seed, patternPng(seed, 160, 120, { blocks: true }));
    return images.get(seed)!;
  };
  const busyAnswered = new Set<string>();
  const site: DemoSite = {
    url: '',
    server: undefined as unknown as Server,
    hits: new Map(),
    phase: 1,
    brokenListing: null,
    adIds: ads.map((a) => a.id),
    prepareImages: async () => {
      for (const seed of ads.flatMap((a) => adImageSeeds(a.id))) await imageFor(seed);
    },
    close: async () => {
      site.server.closeAllConnections();
      await new Promise((r) => site.server.close(r));
    },
  };
  const deleted = (a: Ad) => site.phase === 2 && a.id % 10 === 3;
  const listed = (a: Ad) => !deleted(a) && !(site.phase === 2 && a.id % 10 === 7);

  const html = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://demo');
    const key = u.pathname + u.search;
    site.hits.set(key, (site.hits.get(key) ?? 0) + 1);
    const p = u.pathname;
    if (p === '/robots.txt') {
      const delay = opts.crawlDelaySeconds ? `Crawl-delay: ${opts.crawlDelaySeconds}\n` : '';
      return res.writeHead(200, { 'content-type': 'text/plain' }).end(`User-agent: *\nDisallow: /private/\nDisallow: /ad/*/contact\n${delay}\nSitemap: ${site.url}/sitemap.xml\n`);
    }
    if (p === '/') {
      return html(
        res,
        200,
        page(
          'Tablón Demo — clasificados inventados',
          `<h1>Tablón Demo</h1><p>Sitio de demostración: todos los anuncios son inventados.</p>
<nav><a href="/listings?page=1">Anuncios</a> <a href="/private/admin">Privado</a> <a href="/calendar/2026/11">Agenda</a>
<a href="/go/1">Oferta destacada</a> <a href="/loop-a">Bucle</a> <a href="/huge">Catálogo completo</a> <a href="/malformed">Viejo</a>
<a href="/slow">Lento</a> <a href="/busy">Ocupado</a> <a href="mailto:info@example.org">Correo</a> <a href="javascript:void(0)">JS</a>
<a href="/listings?page=1&utm_source=home#top">Anuncios (rastreo)</a> <a href="http://169.254.169.254/latest/meta-data/">Metadatos</a></nav>`,
        ),
      );
    }
    if (p === '/listings') {
      const n = Math.max(1, Number(u.searchParams.get('page') ?? 1) || 1);
      if (n === site.brokenListing) return html(res, 500, page('Error', '<p>Error interno.</p>'));
      const visible = ads.filter(listed);
      const pages = Math.max(1, Math.ceil(visible.length / perPage));
      if (n > pages) return html(res, 404, page('No encontrado', '<p>No hay más anuncios.</p>'));
      const rows = visible
        .slice((n - 1) * perPage, n * perPage)
        .map((a) => `<li class="ad"><a href="/ad/${a.id}">${esc(a.title)}</a> — ${esc(a.city)} <a href="/ad/${a.id}/contact" rel="nofollow">contacto</a></li>`)
        .join('');
      const next = n < pages ? `<a rel="next" class="next" href="/listings?page=${n + 1}">Siguiente</a>` : '';
      return html(res, 200, page(`Anuncios, página ${n}`, `<ul class="ads">${rows}</ul><nav class="pages">${next}</nav>`));
    }
    const adMatch = /^\/ad\/(\d+)$/.exec(p);
    if (adMatch) {
      const ad = ads.find((a) => a.id === Number(adMatch[1]));
      if (!ad) return html(res, 404, page('No encontrado', '<p>Este anuncio no existe.</p>'));
      if (deleted(ad)) return html(res, 410, page('Eliminado', '<p>Este anuncio fue eliminado.</p>'));
      const img = opts.images === false ? [] : adImageSeeds(ad.id).map((seed) => `/img/${seed}.png`);
      const jsonLd = JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'ClassifiedAd',
        name: ad.title,
        description: ad.text,
        datePosted: ad.postedAt,
        contentLocation: { '@type': 'Place', address: { addressLocality: ad.city } },
        offers: { '@type': 'Offer', price: ad.price.split(' ')[0], priceCurrency: 'ARS' },
        image: img,
        seller: { '@type': 'Person', telephone: ad.phone },
      }).replace(/</g, '\\u003c');
      const body = ad.jsonLdOnly
        ? `<main><div id="app">${esc(ad.title)}</div></main><script type="application/ld+json">${jsonLd}</script>`
        : `<main><article class="ad-page"><h1 class="ad-title">${esc(ad.title)}</h1>
<time class="posted" datetime="${ad.postedAt}">${ad.postedAt.slice(0, 10)}</time>
<p class="location">${esc(ad.city)}</p><p class="price">${esc(ad.price)}</p>
<div class="description"><p>${ad.id === 5 ? ad.text.replace(/ <script>.*$/, '') + ' &lt;script&gt;alert("xss")&lt;/script&gt;<script>document.title="pwned"</script>' : esc(ad.text)}</p></div>
<p class="contact">Tel: ${esc(ad.phone)}</p>
<div class="gallery">${img.map((s) => `<img src="${s}" alt="">`).join('')}</div></article></main>`;
      const etag = `"ad-${ad.id}-v1"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
      return html(res, 200, page(ad.title, body, ad.lang), { etag });
    }
    const imgMatch = /^\/img\/(\d+)\.png$/.exec(p);
    if (imgMatch) {
      return res.writeHead(200, { 'content-type': 'image/png' }).end(await imageFor(Number(imgMatch[1])));
    }
    if (p === '/sitemap.xml') {
      const locs = [`${site.url}/listings?page=1`, ...ads.filter(listed).slice(0, 50).map((a) => `${site.url}/ad/${a.id}`)];
      return res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((l) => `<url><loc>${esc(l)}</loc></url>`).join('')}</urlset>`);
    }
    const go = /^\/go\/(\d+)$/.exec(p);
    if (go) {
      const n = Number(go[1]);
      return res.writeHead(302, { location: n < 3 ? `/go/${n + 1}` : '/ad/2' }).end();
    }
    if (p === '/loop-a') return res.writeHead(301, { location: '/loop-b' }).end();
    if (p === '/loop-b') return res.writeHead(301, { location: '/loop-a' }).end();
    const cal = /^\/calendar\/(\d+)\/(\d+)$/.exec(p);
    if (cal) {
      // The spider trap: every month links the next one, forever.
      const y = Number(cal[1]);
      const m = Number(cal[2]);
      const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
      return html(res, 200, page(`Agenda ${y}/${m}`, `<p>Sin eventos.</p><a href="/calendar/${ny}/${nm}">Mes siguiente</a>`));
    }
    if (p === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let left = opts.hugeBytes ?? 30 * 1024 * 1024;
      const pump = () => {
        while (left > 0) {
          left -= chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      return pump();
    }
    if (p === '/malformed') {
      const bytes = Buffer.concat([
        Buffer.from('<html><body><div><p>Anuncio viejo <b>sin cerrar <a href="/ad/3">ver</a><p>bytes inválidos: '),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
        Buffer.from('</div></span></table>'),
      ]);
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(bytes);
    }
    if (p === '/slow') {
      const t = setTimeout(() => html(res, 200, page('Lento', '<p>Por fin.</p>')), opts.slowMs ?? 5000);
      res.on('close', () => clearTimeout(t));
      return;
    }
    if (p === '/busy') {
      if (!busyAnswered.has(key)) {
        busyAnswered.add(key);
        return res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('Demasiadas solicitudes');
      }
      return html(res, 200, page('Ocupado', '<p>Ahora sí. <a href="/ad/4">Ver anuncio</a></p>'));
    }
    // A page that needs JavaScript: the listing and the ad are drawn by a script from JSON.
    if (p === '/spa/') {
      return html(res, 200, page('SPA', '<ul id="list"></ul><script src="/spa/app.js"></script>'));
    }
    const spaAd = /^\/spa\/ad\/(\d+)$/.exec(p);
    if (spaAd) return html(res, 200, page('SPA', `<main id="app" data-id="${Number(spaAd[1])}"></main><script src="/spa/app.js"></script>`));
    if (p === '/spa/app.js') {
      const js = `(async () => {
  const list = document.getElementById('list');
  if (list) {
    const ids = await (await fetch('/spa/ads.json')).json();
    list.innerHTML = ids.map((id) => '<li><a href="/spa/ad/' + id + '">ad ' + id + '</a></li>').join('');
    return;
  }
  const app = document.getElementById('app');
  const ad = await (await fetch('/spa/ads/' + app.dataset.id + '.json')).json();
  const h1 = document.createElement('h1'); h1.className = 'ad-title'; h1.textContent = ad.title; app.appendChild(h1);
  const d = document.createElement('div'); d.className = 'description'; d.textContent = ad.text; app.appendChild(d);
  const c = document.createElement('p'); c.className = 'contact'; c.textContent = 'Tel: ' + ad.phone; app.appendChild(c);
  fetch('/spa/track', { method: 'POST', body: 'x' }).catch(() => {});
})();`;
      return res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    }
    if (p === '/spa/ads.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ads.slice(0, 3).map((a) => a.id)));
    const spaJson = /^\/spa\/ads\/(\d+)\.json$/.exec(p);
    if (spaJson) {
      const ad = ads.find((a) => a.id === Number(spaJson[1]));
      if (!ad) return res.writeHead(404).end();
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ title: ad.title, text: ad.text, phone: ad.phone }));
    }
    if (p.startsWith('/private/')) return html(res, 200, page('Privado', '<p>Zona que robots.txt prohíbe.</p>'));
    return html(res, 404, page('No encontrado', '<p>No existe.</p>'));
  };

  site.server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((r) => site.server.listen(port, '127.0.0.1', r));
  site.url = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
  return site;
}

/** An ad's own photo and one shared with every 20th ad (so images link ads into networks). */
function adImageSeeds(adId: number): number[] {
  return [adId, (adId % 20) + 1000];
}

/** The demo profile for a site at `baseUrl` (the shipped YAML at `profiles/demo-classifieds.yaml` is this, for port 8099). */
export function demoProfile(baseUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'demo-classifieds',
    description: 'Tablón Demo, the invented classifieds site (centinela crawl demo-site)',
    startUrls: [`${baseUrl}/`],
    sitemaps: [`${baseUrl}/sitemap.xml`],
    follow: ['^/listings\\?page=\\d+$', '^/ad/\\d+$'],
    ignore: ['^/calendar/', '^/private/'],
    itemPages: '^/ad/\\d+$',
    pagination: { selector: 'a[rel=next]' },
    limits: { maxDepth: 20, maxPages: 2000, maxImagesPerItem: 2 },
    politeness: { delayMs: 0, maxAttempts: 3 },
    region: 'AR',
    extract: {
      title: 'h1.ad-title',
      text: '.description',
      postedAt: { selector: 'time.posted', attr: 'datetime' },
      location: '.location',
      price: '.price',
      contact: '.contact',
      images: { selector: '.gallery img', attr: 'src' },
      jsonLd: true,
    },
    ...overrides,
  };
}
