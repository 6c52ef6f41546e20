import { useId, type ReactNode } from 'react';
import * as api from '../../api/networks';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { Link } from '../../app/router';
import { ErrorAlert, Spinner } from '../../components/ui';
import { PurposeGate, useReasonedLoad, adCount, DetailTop } from './common';

/** A member's text with the text of each slot highlighted (fills are spans into this very string). */
function FilledText({ text, fills }: { text: string; fills: api.ClusterDetail['members'][number]['fills'] }) {
  const { t } = useI18n();
  const parts: ReactNode[] = [];
  let at = 0;
  for (const f of [...fills].sort((a, b) => a.start - b.start)) {
    if (f.start < at || f.end > text.length || text.slice(f.start, f.end) !== f.text) continue; // never misplace a mark
    parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={f.start} className="slot-fill" title={t('networks.cluster.slot', { n: f.slot })}>
        {f.text}
      </mark>,
    );
    at = f.end;
  }
  parts.push(text.slice(at));
  return <p className="untrusted-text template-view">{parts}</p>;
}

export function ClusterView({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const hid = useId();
  const { data: c, error, blocked } = useReasonedLoad((reason) => api.getCluster(id, reason), [id]);
  if (blocked) return <PurposeGate />;
  return (
    <>
      <DetailTop />
      <h2>{t('networks.cluster.title', { id: id.slice(0, 8) })}</h2>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      {!c && !error ? <Spinner /> : null}
      {c ? (
        <>
          <section className="card" aria-labelledby={`${hid}-t`}>
            <h3 id={`${hid}-t`}>{t('networks.cluster.template')}</h3>
            <p className="hint">{t('networks.cluster.intro')}</p>
            <p className="untrusted-text template-view" data-testid="template">
              {c.template.map((p, k) =>
                p.kind === 'text' ? (
                  <span key={k}>{p.text}</span>
                ) : (
                  <mark key={k} className="slot" data-testid="slot" title={t('networks.cluster.slotExamples', { n: p.id, examples: p.examples.join(', ') })}>
                    {p.examples.length > 0 ? p.examples.slice(0, 3).join(' | ') : t('networks.cluster.slot', { n: p.id })}
                  </mark>
                ),
              )}
            </p>
            <p>{t('networks.cluster.size', { count: c.size })}</p>
            <p className="hint">{t('networks.cluster.quality', { percent: Math.round(c.quality.ratio * 100) })}</p>
          </section>
          {c.networks.length > 0 ? (
            <section className="card">
              <h3>{t('networks.cluster.networks')}</h3>
              <ul className="plain-list">
                {c.networks.map((n) => (
                  <li key={n.id}>
                    <Link to={`/networks/${n.id}`}>{n.id.slice(0, 8)}</Link> — {adCount(t, n.items)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="card" aria-labelledby={`${hid}-m`}>
            <h3 id={`${hid}-m`}>{t('networks.cluster.members')}</h3>
            <p className="hint">{t('networks.cluster.membersIntro')}</p>
            <ol className="stack" data-testid="cluster-members">
              {c.members.map((m) => (
                <li key={m.itemId}>
                  <Link to={`/items/${m.itemId}`} className="item-link untrusted-text-inline">
                    {m.title ?? m.itemId.slice(0, 8)}
                  </Link>
                  <FilledText text={m.text} fills={m.fills} />
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : null}
    </>
  );
}
