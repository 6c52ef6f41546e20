import { useEffect, useId, useState } from 'react';
import { useI18n, type I18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import * as hl from '../../api/hotline';
import { ErrorAlert, Spinner } from '../../components/ui';
import { StatusCounts } from './QueueList';

export function formatDuration(ms: number | null, t: I18n['t']): string {
  if (ms === null) return t('hotline.metrics.none');
  const minutes = ms / 60_000;
  if (minutes < 120) return t('hotline.duration.minutes', { n: Math.round(minutes) });
  const hours = minutes / 60;
  if (hours < 72) return t('hotline.duration.hours', { n: Math.round(hours * 10) / 10 });
  return t('hotline.duration.days', { n: Math.round((hours / 24) * 10) / 10 });
}

function TimingTable({ title, rows }: { title: string; rows: hl.TimingRow[] }) {
  const { t } = useI18n();
  const cell = (d: hl.Duration) => t('hotline.metrics.medianP90', { median: formatDuration(d.medianMs, t), p90: formatDuration(d.p90Ms, t) });
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="table-caption">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hotline.metrics.group')}</th>
            <th scope="col" className="num">
              {t('hotline.metrics.subjects')}
            </th>
            <th scope="col">{t('hotline.metrics.toAssessment')}</th>
            <th scope="col">{t('hotline.metrics.toNotice')}</th>
            <th scope="col">{t('hotline.metrics.toRemoval')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.key === 'all' ? t('hotline.metrics.overall') : r.key}</th>
              <td className="num">{r.subjects}</td>
              <td>{cell(r.toAssessment)}</td>
              <td>{cell(r.toNotice)}</td>
              <td data-testid={`removal-${r.key}`}>{cell(r.toRemoval)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Bars as SVG attributes (the CSP forbids inline styles): median hours to removal per month. */
function RemovalChart({ rows }: { rows: hl.TimingRow[] }) {
  const { t } = useI18n();
  const data = rows.filter((r) => r.toRemoval.medianMs !== null).map((r) => ({ key: r.key, hours: r.toRemoval.medianMs! / 3_600_000 }));
  if (data.length === 0) return null;
  const max = Math.max(...data.map((d) => d.hours), 1);
  const barW = 36;
  const height = 140;
  return (
    <figure className="hotline-chart">
      <svg role="img" aria-label={t('hotline.metrics.chart')} width={data.length * (barW + 12) + 12} height={height + 36} viewBox={`0 0 ${data.length * (barW + 12) + 12} ${height + 36}`}>
        {data.map((d, i) => {
          const h = Math.max(2, (d.hours / max) * height);
          const x = 12 + i * (barW + 12);
          return (
            <g key={d.key}>
              <rect x={x} y={height - h + 4} width={barW} height={h} className="hotline-bar">
                <title>{`${d.key}: ${d.hours.toFixed(1)} h`}</title>
              </rect>
              <text x={x + barW / 2} y={height + 20} textAnchor="middle" className="hotline-bar-label">
                {d.key.slice(2)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{t('hotline.metrics.chart')}</figcaption>
    </figure>
  );
}

/** Time to assessment, notice and removal: median and p90, with counts by state. */
export function Metrics() {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [m, setM] = useState<hl.Metrics | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    hl.getMetrics().then(setM, setError);
  }, []);
  if (error) return <ErrorAlert message={errorMessage(error, i18n)} />;
  if (!m) return <Spinner />;
  return (
    <div className="stack">
      <StatusCounts counts={m.counts} />
      <section className="card" aria-labelledby={`${id}-t`}>
        <h2 id={`${id}-t`}>{t('hotline.metrics.title')}</h2>
        <p className="lead">{t('hotline.metrics.intro')}</p>
        <TimingTable title={t('hotline.metrics.overall')} rows={[m.overall]} />
        <RemovalChart rows={m.byMonth} />
        <TimingTable title={t('hotline.metrics.byProvider')} rows={m.byProvider} />
        <TimingTable title={t('hotline.metrics.byCountry')} rows={m.byCountry} />
        <TimingTable title={t('hotline.metrics.byMonth')} rows={m.byMonth} />
        <p>
          <a className="button button-secondary" href={hl.METRICS_CSV_URL} download>
            {t('hotline.metrics.csv')}
          </a>
        </p>
      </section>
    </div>
  );
}
