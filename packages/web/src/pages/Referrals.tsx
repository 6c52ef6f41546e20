import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { errorMessage } from '../i18n/errors';
import { ErrorAlert, PageTitle, Spinner } from '../components/ui';
import * as api from '../api/cases';
import { keyed } from './cases/labels';

/** A receiving organisation's inbox: referrals made to it, with only the fields each one shares. */
export function Referrals() {
  const i18n = useI18n();
  const { t } = i18n;
  const [items, setItems] = useState<api.InboxReferral[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () => api.referralInbox().then(setItems, setError);
  useEffect(() => {
    void load();
  }, []);
  const move = async (r: api.InboxReferral, to: string) => {
    setError(null);
    try {
      await api.moveReferral(r.id, { to, baseVersion: r.version, ...(to === 'rejected' ? { reason: t('inbox.rejectReason') } : {}) });
      await load();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <PageTitle title={t('nav.referrals')}>{t('nav.referrals')}</PageTitle>
      <p className="lead">{t('inbox.intro')}</p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      {items === null && !error ? <Spinner /> : null}
      {items && items.length === 0 ? <p>{t('inbox.empty')}</p> : null}
      {items?.map((r) => (
        <section key={r.id} className="card" aria-labelledby={`inbox-${r.id}`}>
          <h2 id={`inbox-${r.id}`}>
            {keyed(t, 'referrals.purpose', r.purpose)} · {keyed(t, 'referrals.status', r.status)}
          </h2>
          <dl className="meta-list">
            {Object.entries(r.shared).flatMap(([section, v]) =>
              (Array.isArray(v) ? v : [v]).flatMap((obj, i) =>
                Object.entries(obj as Record<string, unknown>).map(([f, val]) => (
                  <div key={`${section}${i}${f}`}>
                    <dt>{keyed(t, 'cases.field', f)}</dt>
                    <dd>{Array.isArray(val) ? val.join(', ') : String(val)}</dd>
                  </div>
                )),
              ),
            )}
          </dl>
          <div className="button-row">
            {r.status === 'in_progress' ? (
              <>
                <button type="button" className="button button-primary button-small" onClick={() => void move(r, 'accepted')}>
                  {t('inbox.accept')}
                </button>
                <button type="button" className="button button-secondary button-small" onClick={() => void move(r, 'rejected')}>
                  {t('inbox.reject')}
                </button>
              </>
            ) : null}
            {r.status === 'accepted' ? (
              <button type="button" className="button button-primary button-small" onClick={() => void move(r, 'done')}>
                {t('inbox.done')}
              </button>
            ) : null}
          </div>
        </section>
      ))}
    </>
  );
}
