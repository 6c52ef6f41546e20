import { useId } from 'react';
import type { NetworkDetail } from '../../api/networks';
import { useI18n } from '../../i18n';
import { placeName } from './common';

const W = 720;
const ROW = 28;
const LEFT = 150;

/** Posts by city (rows) over time (x): an SVG dot chart, one dot per ad. */
export function TimelineChart({ items }: { items: NetworkDetail['items'] }) {
  const { t, lang, formatDateTime } = useI18n();
  const id = useId();
  const times = items.map((i) => Date.parse(i.seenAt)).filter(Number.isFinite);
  if (times.length === 0) return null;
  const rows: string[] = [];
  const rowOf = (i: NetworkDetail['items'][number]) => (i.city ? placeName(i.city, lang) : t('networks.timeline.unknown'));
  for (const i of items) if (!rows.includes(rowOf(i))) rows.push(rowOf(i));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const span = Math.max(1, t1 - t0);
  const x = (ms: number) => LEFT + ((W - LEFT - 20) * (ms - t0)) / span;
  const H = rows.length * ROW + 40;
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('networks.timeline.title')}</h2>
      <p className="hint">{t('networks.timeline.intro')}</p>
      <svg className="network-timeline" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('networks.timeline.label')} data-testid="timeline-chart">
        {rows.map((r, k) => (
          <g key={r}>
            <line x1={LEFT} x2={W - 20} y1={20 + k * ROW} y2={20 + k * ROW} stroke="#e2e8f0" />
            <text x={LEFT - 8} y={24 + k * ROW} textAnchor="end" fontSize={12} fill="#1f2933">
              {r}
            </text>
          </g>
        ))}
        {items.map((i) => {
          const ms = Date.parse(i.seenAt);
          if (!Number.isFinite(ms)) return null;
          return (
            <circle key={i.id} cx={x(ms)} cy={20 + rows.indexOf(rowOf(i)) * ROW} r={6} fill="#1d4ed8" opacity={0.8}>
              <title>{`${formatDateTime(i.seenAt)} · ${rowOf(i)}`}</title>
            </circle>
          );
        })}
        <text x={LEFT} y={H - 8} fontSize={11} fill="#52606d">
          {formatDateTime(new Date(t0).toISOString())}
        </text>
        <text x={W - 20} y={H - 8} fontSize={11} fill="#52606d" textAnchor="end">
          {formatDateTime(new Date(t1).toISOString())}
        </text>
      </svg>
    </section>
  );
}
