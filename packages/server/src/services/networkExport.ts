// A network as CSV (one row per item) and as a self-contained HTML evidence summary in Spanish or English.
import { escapeHtml } from './html.js';
import type { NetworkDetail } from './networkRead.js';
import { csvCell } from './csv.js';

export type ExportLanguage = 'es' | 'en';

function entitiesByItem(n: NetworkDetail): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of n.graph.edges) {
    const item = e.source.replace(/^item:/, '');
    out.set(item, [...(out.get(item) ?? []), e.target]);
  }
  return out;
}

export function networkCsv(n: NetworkDetail, lang: ExportLanguage): string {
  const header = ['network_id', 'item_id', 'seen_at', 'site', 'url', 'city', 'country', 'location_text', 'names', 'risk_score', 'cluster_id', 'entities'];
  const byItem = entitiesByItem(n);
  const lines = [header.join(',')];
  for (const i of n.items) {
    lines.push(
      [
        n.id,
        i.id,
        i.seenAt,
        i.site,
        i.url,
        i.city ? (lang === 'es' ? i.city.nameEs : i.city.nameEn) : null,
        i.city?.country ?? null,
        i.locationText,
        i.names.join('; '),
        i.riskScore,
        i.clusterId,
        (byItem.get(i.id) ?? []).join('; '),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const esc = (s: string | number | null | undefined): string => (s === null || s === undefined ? '' : escapeHtml(String(s)));

const TEXT = {
  es: {
    title: 'Resumen de evidencia: red',
    generated: 'Generado',
    items: 'Anuncios',
    entities: 'Entidades',
    sites: 'Sitios',
    cities: 'Ciudades',
    names: 'Nombres usados',
    firstSeen: 'Primera vez',
    lastSeen: 'Última vez',
    cadence: 'Cadencia: mediana entre publicaciones (horas)',
    perWeek: 'Publicaciones por semana',
    timeline: 'Movimiento en el tiempo',
    from: 'Desde',
    to: 'Hasta',
    city: 'Ciudad',
    date: 'Fecha',
    site: 'Sitio',
    title2: 'Título',
    score: 'Riesgo',
    hubs: 'Entidades excluidas por ser concentradores',
    reason: 'Motivo',
    note: 'Los vínculos son coincidencias exactas de teléfono, correo, billetera, usuario o imagen entre anuncios capturados. Son indicios para una investigación, no prueba de delito.',
    truncated: 'La red es más grande de lo que se muestra; las cifras cuentan todos los anuncios.',
  },
  en: {
    title: 'Evidence summary: network',
    generated: 'Generated',
    items: 'Ads',
    entities: 'Entities',
    sites: 'Sites',
    cities: 'Cities',
    names: 'Names used',
    firstSeen: 'First seen',
    lastSeen: 'Last seen',
    cadence: 'Cadence: median gap between posts (hours)',
    perWeek: 'Posts per week',
    timeline: 'Movement over time',
    from: 'From',
    to: 'To',
    city: 'City',
    date: 'Date',
    site: 'Site',
    title2: 'Title',
    score: 'Risk',
    hubs: 'Entities excluded as hubs',
    reason: 'Reason',
    note: 'Links are exact matches of phone, e-mail, wallet, handle or image between captured ads. They are leads for an investigation, not proof of a crime.',
    truncated: 'The network is larger than shown; the figures count every ad.',
  },
} as const;

export function networkHtml(n: NetworkDetail, lang: ExportLanguage, generatedAt: string): string {
  const t = TEXT[lang];
  const cityName = (c: { nameEs: string; nameEn: string }) => (lang === 'es' ? c.nameEs : c.nameEn);
  const row = (cells: Array<string | number | null>) => `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
  const head = (cells: string[]) => `<tr>${cells.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t.title)} ${esc(n.id)}</title>
<style>body{font-family:sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left;font-size:.9rem}</style></head>
<body>
<h1>${esc(t.title)} ${esc(n.id)}</h1>
<p>${esc(t.generated)}: ${esc(generatedAt)}</p>
<p>${esc(t.note)}</p>
${n.truncated ? `<p>${esc(t.truncated)}</p>` : ''}
<table>
${row([t.items, n.itemCount])}${row([t.entities, n.entityCount])}${row([t.sites, n.sitesDetail.map((s) => `${s.site} (${s.items})`).join(', ')])}
${row([t.cities, n.citiesDetail.map((c) => `${cityName(c.city)} (${c.items})`).join(', ')])}${row([t.names, n.names.join(', ')])}
${row([t.firstSeen, n.firstSeen])}${row([t.lastSeen, n.lastSeen])}${row([t.cadence, n.cadence.medianGapHours])}${row([t.perWeek, n.cadence.postsPerWeek])}
</table>
<h2>${esc(t.timeline)}</h2>
<table>${head([t.city, t.from, t.to, t.items])}${n.timeline.map((s) => row([`${cityName(s.city)}, ${s.city.country}`, s.from, s.to, s.items.length])).join('')}</table>
<h2>${esc(t.entities)}</h2>
<table>${head(['type', 'value', t.items])}${n.entities.map((e) => row([e.type, e.value, e.items])).join('')}</table>
<h2>${esc(t.items)}</h2>
<table>${head([t.date, t.site, t.city, t.title2, t.names, t.score, 'id'])}${n.items
    .map((i) => row([i.seenAt, i.site, i.city ? cityName(i.city) : i.locationText, i.title, i.names.join(', '), i.riskScore, i.id]))
    .join('')}</table>
${n.excludedHubs.length > 0 ? `<h2>${esc(t.hubs)}</h2><table>${head(['type', 'value', t.reason, t.items, t.sites])}${n.excludedHubs.map((h) => row([h.type, h.value, h.reason, h.itemCount, h.siteCount])).join('')}</table>` : ''}
</body></html>
`;
}
