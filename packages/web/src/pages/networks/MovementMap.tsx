import { useId, useMemo } from 'react';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry } from 'geojson';
import world from 'world-atlas/countries-110m.json';
import type { NetworkDetail } from '../../api/networks';
import { useI18n } from '../../i18n';
import { placeName, useDateFormat, adCount } from './common';

const W = 720;
const H = 420;
// Countries are converted once: the boundaries never change while the page is open.
let countries: FeatureCollection<Geometry> | null = null;
function countryShapes(): FeatureCollection<Geometry> {
  countries ??= feature(world, world.objects.countries!) as unknown as FeatureCollection<Geometry>;
  return countries;
}

/** The movement timeline on a map drawn from shipped boundaries (SVG; presentation attributes, no inline style). */
export function MovementMap({ timeline }: { timeline: NetworkDetail['timeline'] }) {
  const { t, lang } = useI18n();
  const id = useId();
  const date = useDateFormat();
  const drawn = useMemo(() => {
    if (timeline.length === 0) return null;
    const lons = timeline.map((s) => s.city.lon);
    const lats = timeline.map((s) => s.city.lat);
    // A frame around the stops, at least 8° wide so one city still shows its country.
    const pad = 4;
    const [x0, x1] = [Math.min(...lons) - pad, Math.max(...lons) + pad];
    const [y0, y1] = [Math.max(-80, Math.min(...lats) - pad), Math.min(80, Math.max(...lats) + pad)];
    const frame = { type: 'Feature' as const, properties: {}, geometry: { type: 'MultiPoint' as const, coordinates: [[x0, y0], [x1, y1], [x0, y1], [x1, y0]] } };
    const projection = geoMercator().fitExtent([[16, 16], [W - 16, H - 16]], frame);
    const path = geoPath(projection);
    const shapes = countryShapes().features.map((f, k) => ({ key: String(f.id ?? k), d: path(f) ?? '' }));
    const points = timeline.map((s): [number, number] => projection([s.city.lon, s.city.lat]) ?? [0, 0]);
    return { shapes, points };
  }, [timeline]);

  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('networks.map.title')}</h2>
      <p className="hint">{t('networks.map.intro')}</p>
      {!drawn ? (
        <p>{t('networks.map.empty')}</p>
      ) : (
        <>
          <svg className="network-map" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('networks.map.label', { count: timeline.length })} data-testid="movement-map">
            <rect x={0} y={0} width={W} height={H} fill="#dbeafe" />
            {drawn.shapes.map((s) => (
              <path key={s.key} d={s.d} fill="#f8fafc" stroke="#94a3b8" strokeWidth={0.6} />
            ))}
            <polyline points={drawn.points.map((p) => p.join(',')).join(' ')} fill="none" stroke="#b91c1c" strokeWidth={2} strokeDasharray="6 4" />
            {drawn.points.map(([x, y], k) => (
              <g key={k} data-testid="map-stop">
                <circle cx={x} cy={y} r={9} fill="#b91c1c" stroke="#fff" strokeWidth={2} />
                <text x={x} y={y + 4} textAnchor="middle" fontSize={10} fill="#fff" fontWeight={700}>
                  {k + 1}
                </text>
                <text x={x + 12} y={y - 8} fontSize={12} fill="#111827" stroke="#fff" strokeWidth={3} paintOrder="stroke">
                  {placeName(timeline[k]!.city, lang)}
                </text>
              </g>
            ))}
          </svg>
          <h3>{t('networks.timeline.stops')}</h3>
          <ol className="stop-list" data-testid="stop-list">
            {timeline.map((s, k) => (
              <li key={k}>
                <strong>
                  {placeName(s.city, lang)}, {s.city.country}
                </strong>{' '}
                — {date(s.from)}
                {s.to !== s.from ? ` → ${date(s.to)}` : ''} ({adCount(t, s.items.length)})
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
