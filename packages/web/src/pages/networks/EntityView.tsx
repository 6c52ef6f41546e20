import * as api from '../../api/networks';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { Link } from '../../app/router';
import { ErrorAlert, Spinner } from '../../components/ui';
import { entityTypeLabel } from '../../analysis/labels';
import { ScoreMeter } from '../../analysis/views';
import { EntityLink, placeName, PurposeGate, useDateFormat, useReasonedLoad, DetailTop } from './common';
import { hubReason } from './NetworkDetail';

/** Everything linked to one entity: its ads, networks, templates, co-occurring entities, and its hub status. */
export function EntityView({ type, value }: { type: string; value: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const date = useDateFormat();
  const { data: e, error, blocked } = useReasonedLoad((reason) => api.getEntity(type, value, reason), [type, value]);
  if (blocked) return <PurposeGate />;
  return (
    <>
      <DetailTop />
      <h2>
        {t('networks.entity.title')}: {entityTypeLabel(t, type)} <span className="untrusted-text-inline">{value}</span>
      </h2>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      {!e && !error ? <Spinner /> : null}
      {e ? (
        <>
          {e.hub ? (
            <p className="callout callout-warn" data-testid="entity-hub">
              {t('networks.entity.hub', { reason: hubReason(t, e.hub.reason), items: e.hub.itemCount, sites: e.hub.siteCount })}
            </p>
          ) : null}
          <section className="card">
            <dl className="network-facts">
              <dt>{t('networks.entity.names')}</dt>
              <dd className="untrusted-text-inline">{e.names.join(', ') || t('networks.facts.none')}</dd>
              <dt>{t('networks.entity.cities')}</dt>
              <dd>{e.cities.map((c) => placeName(c, lang)).join(', ') || t('networks.facts.none')}</dd>
              <dt>{t('networks.facts.sites')}</dt>
              <dd className="untrusted-text-inline">{e.sites.join(', ') || t('networks.facts.none')}</dd>
              <dt>{t('networks.entity.networks')}</dt>
              <dd>
                {e.networks.map((n, k) => (
                  <span key={n.id}>
                    {k > 0 ? ', ' : ''}
                    <Link to={`/networks/${n.id}`}>{n.id.slice(0, 8)}</Link> ({n.items})
                  </span>
                ))}
              </dd>
            </dl>
          </section>
          <section className="card">
            <h3>{t('networks.entity.items', { count: e.itemCount })}</h3>
            <ul className="plain-list" data-testid="entity-items">
              {e.items.map((i) => (
                <li key={i.id}>
                  {date(i.seenAt)} — <Link to={`/items/${i.id}`} className="untrusted-text-inline">{i.title ?? i.id.slice(0, 8)}</Link>
                  {i.city ? ` — ${placeName(i.city, lang)}` : ''} {i.riskScore === null ? null : <ScoreMeter score={i.riskScore} />}
                </li>
              ))}
            </ul>
          </section>
          {e.linked.length > 0 ? (
            <section className="card">
              <h3>{t('networks.entity.linked')}</h3>
              <ul className="plain-list">
                {e.linked.map((l) => (
                  <li key={`${l.type}:${l.value}`}>
                    {entityTypeLabel(t, l.type)}: <EntityLink type={l.type} value={l.value} /> ({l.items})
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
