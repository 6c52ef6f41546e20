import { useId, useState } from 'react';
import * as api from '../../api/networks';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { Link } from '../../app/router';
import { useAccessReason } from '../../app/purpose';
import { useUser } from '../../app/session';
import { exportEvidencePackage } from '../../api/crawl';
import { saveFile } from '../../api/client';
import { ErrorAlert, Spinner } from '../../components/ui';
import { entityTypeLabel, formatNumber } from '../../analysis/labels';
import { ScoreMeter } from '../../analysis/views';
import { EntityLink, placeName, PurposeGate, useDateFormat, useReasonedLoad, adCount, DetailTop } from './common';
import { NetworkGraph } from './NetworkGraph';
import { MovementMap } from './MovementMap';
import { TimelineChart } from './TimelineChart';

function Facts({ n }: { n: api.NetworkDetail }) {
  const { t, lang } = useI18n();
  const date = useDateFormat();
  const none = t('networks.facts.none');
  return (
    <section className="card" aria-label={t('networks.facts.title')}>
      <dl className="network-facts" data-testid="network-facts">
        <dt>{t('networks.facts.items')}</dt>
        <dd>{n.itemCount}</dd>
        <dt>{t('networks.facts.entities')}</dt>
        <dd>{n.entityCount}</dd>
        <dt>{t('networks.facts.cities')}</dt>
        <dd>{n.citiesDetail.map((c) => `${placeName(c.city, lang)} (${c.items})`).join(', ') || none}</dd>
        <dt>{t('networks.facts.sites')}</dt>
        <dd className="untrusted-text-inline">{n.sitesDetail.map((s) => `${s.site} (${s.items})`).join(', ') || none}</dd>
        <dt>{t('networks.facts.names')}</dt>
        <dd className="untrusted-text-inline" data-testid="network-names">
          {n.names.join(', ') || none}
        </dd>
        <dt>{t('networks.facts.firstSeen')}</dt>
        <dd>{date(n.firstSeen)}</dd>
        <dt>{t('networks.facts.lastSeen')}</dt>
        <dd>{date(n.lastSeen)}</dd>
        <dt>{t('networks.facts.cadence')}</dt>
        <dd>{n.cadence.medianGapHours === null ? none : t('networks.facts.cadenceValue', { hours: formatNumber(lang, n.cadence.medianGapHours, 1) })}</dd>
        <dt>{t('networks.facts.perWeek')}</dt>
        <dd>{n.cadence.postsPerWeek === null ? none : formatNumber(lang, n.cadence.postsPerWeek, 1)}</dd>
      </dl>
    </section>
  );
}

/** The evidence endpoint takes at most this many items per package (MAX_EXPORT_ITEMS on the server). */
const MAX_EVIDENCE_ITEMS = 500;

function Export({ id, itemIds }: { id: string; itemIds: string[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const reason = useAccessReason();
  const hid = useId();
  const roles = useUser().roles;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The court-grade package (the crawler's WARC captures of every ad) is for those who hand evidence over.
  const mayExportEvidence = roles.includes('admin') || roles.includes('investigator');
  const downloadEvidence = async (language: 'es' | 'en') => {
    setBusy(true);
    setError(null);
    try {
      const { blob, filename } = await exportEvidencePackage({
        itemIds: itemIds.slice(0, MAX_EVIDENCE_ITEMS),
        language,
        label: `network ${id}`,
        ...(reason?.purpose ? { purpose: reason.purpose } : {}),
        ...(reason?.legalBasis ? { legalBasis: reason.legalBasis } : {}),
      });
      saveFile(blob, filename ?? 'evidence.tar');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby={`${hid}-t`}>
      <h2 id={`${hid}-t`}>{t('networks.export.title')}</h2>
      <p className="hint">{t('networks.export.intro')}</p>
      <div className="button-row">
        <a className="button button-secondary" href={api.networkExportUrl(id, 'csv', 'es', reason)} download data-testid="export-csv">
          {t('networks.export.csv')}
        </a>
        <a className="button button-secondary" href={api.networkExportUrl(id, 'html', 'es', reason)} download data-testid="export-html-es">
          {t('networks.export.htmlEs')}
        </a>
        <a className="button button-secondary" href={api.networkExportUrl(id, 'html', 'en', reason)} download data-testid="export-html-en">
          {t('networks.export.htmlEn')}
        </a>
      </div>
      {mayExportEvidence ? (
        <>
          <p className="hint">{t('networks.export.evidenceIntro')}</p>
          <div className="button-row">
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void downloadEvidence('es')} data-testid="export-evidence-es">
              {t('networks.export.evidenceEs')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void downloadEvidence('en')} data-testid="export-evidence-en">
              {t('networks.export.evidenceEn')}
            </button>
          </div>
          <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
        </>
      ) : null}
    </section>
  );
}

export function NetworkDetail({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const hid = useId();
  const date = useDateFormat();
  const { data: n, error, blocked } = useReasonedLoad((reason) => api.getNetwork(id, reason), [id]);
  if (blocked) return <PurposeGate />;
  return (
    <>
      <DetailTop />
      <h2 data-testid="network-title">{t('networks.detail.title', { id: id.slice(0, 8) })}</h2>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      {!n && !error ? <Spinner /> : null}
      {n ? (
        <>
          {n.truncated ? <p className="callout callout-warn">{t('networks.truncated')}</p> : null}
          <Facts n={n} />
          <NetworkGraph graph={n.graph} />
          <MovementMap timeline={n.timeline} />
          <TimelineChart items={n.items} />
          {n.clusters.length > 0 ? (
            <section className="card" aria-labelledby={`${hid}-c`}>
              <h2 id={`${hid}-c`}>{t('networks.clusters.title')}</h2>
              <p className="hint">{t('networks.clusters.intro')}</p>
              <ul className="plain-list">
                {n.clusters.map((c) => (
                  <li key={c.id}>
                    <Link to={`/networks/clusters/${c.id}`} data-testid="cluster-link">
                      {t('networks.clusters.open')} {c.id.slice(0, 8)}
                    </Link>{' '}
                    — {adCount(t, c.items)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="card" aria-labelledby={`${hid}-e`}>
            <h2 id={`${hid}-e`}>{t('networks.entities.title')}</h2>
            <div className="table-wrap">
              <table className="data-table" data-testid="network-entities">
                <thead>
                  <tr>
                    <th scope="col">{t('networks.col.type')}</th>
                    <th scope="col">{t('networks.col.value')}</th>
                    <th scope="col" className="num">
                      {t('networks.col.items')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {n.entities.map((e) => (
                    <tr key={`${e.type}:${e.value}`}>
                      <td>{entityTypeLabel(t, e.type)}</td>
                      <td>
                        <EntityLink type={e.type} value={e.value} />
                      </td>
                      <td className="num">{e.items}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {n.excludedHubs.length > 0 ? (
            <section className="card" aria-labelledby={`${hid}-h`}>
              <h2 id={`${hid}-h`}>{t('networks.hubs.title')}</h2>
              <p className="hint">{t('networks.hubs.intro')}</p>
              <ul className="plain-list" data-testid="excluded-hubs">
                {n.excludedHubs.map((h) => (
                  <li key={`${h.type}:${h.value}`}>
                    {entityTypeLabel(t, h.type)}: <EntityLink type={h.type} value={h.value} /> — {hubReason(t, h.reason)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="card" aria-labelledby={`${hid}-i`}>
            <h2 id={`${hid}-i`}>{t('networks.items.title')}</h2>
            <div className="table-wrap">
              <table className="data-table" data-testid="network-items">
                <thead>
                  <tr>
                    <th scope="col">{t('networks.col.date')}</th>
                    <th scope="col">{t('networks.col.title')}</th>
                    <th scope="col">{t('networks.col.cities')}</th>
                    <th scope="col">{t('networks.col.sites')}</th>
                    <th scope="col">{t('networks.col.names')}</th>
                    <th scope="col">{t('networks.col.risk')}</th>
                  </tr>
                </thead>
                <tbody>
                  {n.items.map((i) => (
                    <tr key={i.id}>
                      <td>{date(i.seenAt)}</td>
                      <td>
                        <Link to={`/items/${i.id}`} className="item-link untrusted-text-inline">
                          {i.title ?? i.id.slice(0, 8)}
                        </Link>
                      </td>
                      <td>{i.city ? placeName(i.city, lang) : <span className="untrusted-text-inline">{i.locationText ?? ''}</span>}</td>
                      <td className="untrusted-text-inline">{i.site ?? ''}</td>
                      <td className="untrusted-text-inline">{i.names.join(', ')}</td>
                      <td>{i.riskScore === null ? '' : <ScoreMeter score={i.riskScore} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <Export id={n.id} itemIds={n.items.map((item) => item.id)} />
        </>
      ) : null}
    </>
  );
}

export function hubReason(t: ReturnType<typeof useI18n>['t'], reason: string): string {
  if (reason === 'placeholder') return t('networks.hub.placeholder');
  if (reason === 'too-many-items') return t('networks.hub.too-many-items');
  if (reason === 'too-many-sites') return t('networks.hub.too-many-sites');
  return reason;
}
