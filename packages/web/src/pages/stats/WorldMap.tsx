import { useId } from 'react';
import { WORLD_PATHS, WORLD_VIEWBOX } from './worldMap.generated';

/**
 * A choropleth of a published country table from shipped Natural Earth boundaries: darker is more; hatched is a
 * hidden (suppressed) count; pale is zero or no data. Decorative for assistive technology: the table next to it
 * carries the same numbers.
 */
export default function WorldMap({ values, label, legend }: { values: ReadonlyMap<string, number | null>; label: string; legend: string }) {
  const id = useId();
  const max = Math.max(1, ...[...values.values()].map((v) => v ?? 0));
  return (
    <figure className="world-map">
      <svg viewBox={WORLD_VIEWBOX} role="img" aria-label={label} style={{ width: '100%', maxWidth: '48rem', height: 'auto', background: '#eef3f7' }}>
        <defs>
          <pattern id={`${id}-hidden`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" fill="#d9d9d9" />
            <line x1="0" y1="0" x2="0" y2="4" stroke="#666" strokeWidth="1.5" />
          </pattern>
        </defs>
        {Object.entries(WORLD_PATHS).map(([code, d]) => {
          const v = values.get(code);
          const fill = v === null ? `url(#${id}-hidden)` : v === undefined || v === 0 ? '#f4f4f4' : `rgba(20, 70, 140, ${0.2 + 0.8 * (v / max)})`;
          return (
            <path key={code} d={d} fill={fill} stroke="#8a8a8a" strokeWidth="0.3" data-country={code}>
              <title>{`${code}: ${v === null ? '—' : (v ?? 0)}`}</title>
            </path>
          );
        })}
      </svg>
      <figcaption className="muted">{legend}</figcaption>
    </figure>
  );
}
