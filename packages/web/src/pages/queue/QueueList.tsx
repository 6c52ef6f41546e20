import { useCallback, useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import * as hl from '../../api/hotline';
import { Link, useRouter } from '../../app/router';
import { useSession } from '../../app/session';
import { ErrorAlert, Spinner } from '../../components/ui';

export function StatusCounts({ counts }: { counts: hl.Counts }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('hotline.counts')}</h2>
      <dl className="hotline-counts" data-testid="hotline-counts">
        {hl.SUBJECT_STATUSES.map((s) => (
          <div key={s}>
            <dt>{t(`hotline.status.${s}`)}</dt>
            <dd data-status={s}>{counts[s]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The triage queue: highest priority first, with filters, claim/release and counts by state. */
export function QueueList() {
  const i18n = useI18n();
  const { t } = i18n;
  const { navigate } = useRouter();
  const { state } = useSession();
  const me = state.status === 'signedIn' ? state.user.id : '';
  // Investigators read the queue; only analysts and admins act on it.
  const canAct = state.status === 'signedIn' && (state.user.roles.includes('admin') || state.user.roles.includes('analyst'));
  const id = useId();
  const [filter, setFilter] = useState<hl.QueueFilter>({ status: '', assigned: '', childInvolved: false });
  const [data, setData] = useState<{ subjects: hl.SubjectSummary[]; total: number; counts: hl.Counts } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await hl.listQueue(filter));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [filter]);
  useEffect(() => {
    void load();
  }, [load]);

  const claim = async (s: hl.SubjectSummary) => {
    setBusy(s.id);
    try {
      await hl.claimSubject(s.id);
      navigate(`/queue/${s.id}`);
    } catch (err) {
      setError(err);
      setBusy(null);
    }
  };

  return (
    <div className="stack">
      {data ? <StatusCounts counts={data.counts} /> : null}
      <section className="card" aria-labelledby={`${id}-t`}>
        <h2 id={`${id}-t`}>{t('hotline.queue.title')}</h2>
        <form className="filter-grid" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('hotline.filter.status')}</label>
            <select id={`${id}-status`} value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value as hl.SubjectStatus | '' })}>
              <option value="">{t('hotline.filter.statusDefault')}</option>
              {hl.SUBJECT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`hotline.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-assigned`}>{t('hotline.filter.assigned')}</label>
            <select id={`${id}-assigned`} value={filter.assigned} onChange={(e) => setFilter({ ...filter, assigned: e.target.value as 'me' | 'none' | '' })}>
              <option value="">{t('hotline.filter.assignedAny')}</option>
              <option value="me">{t('hotline.filter.assignedMe')}</option>
              <option value="none">{t('hotline.filter.assignedNone')}</option>
            </select>
          </div>
          <label className="checkbox-inline">
            <input type="checkbox" checked={filter.childInvolved === true} onChange={(e) => setFilter({ ...filter, childInvolved: e.target.checked })} /> {t('hotline.filter.child')}
          </label>
          <label className="checkbox-inline">
            <input type="checkbox" checked={filter.bankMatch === true} onChange={(e) => setFilter({ ...filter, bankMatch: e.target.checked })} /> {t('hotline.filter.bank')}
          </label>
        </form>
        <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
        {!data ? (
          <Spinner />
        ) : data.subjects.length === 0 ? (
          <p className="muted">{t('hotline.queue.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="queue-table">
              <caption className="table-caption">{t('hotline.queue.total', { count: data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('hotline.col.subject')}</th>
                  <th scope="col">{t('hotline.col.signals')}</th>
                  <th scope="col">{t('hotline.col.reported')}</th>
                  <th scope="col" className="num">
                    {t('hotline.col.reports')}
                  </th>
                  <th scope="col">{t('hotline.col.status')}</th>
                  <th scope="col">{t('hotline.col.assigned')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.subjects.map((s) => (
                  <tr key={s.id} data-subject={s.id}>
                    <td className="untrusted-cell">
                      <Link to={`/queue/${s.id}`} className="item-link">
                        {s.url ?? t('hotline.noUrl')}
                      </Link>
                    </td>
                    <td>
                      <span className="tag-list">
                        {s.childInvolved ? <span className="badge badge-alert">{t('hotline.signal.child')}</span> : null}
                        {s.bankMatch ? <span className="badge badge-warn">{t('hotline.signal.bank')}</span> : null}
                        {s.riskScore !== null ? <span className="badge badge-muted">{t('hotline.signal.risk', { score: s.riskScore.toFixed(2) })}</span> : null}
                      </span>
                    </td>
                    <td>{i18n.formatDateTime(s.firstReportedAt)}</td>
                    <td className="num">{s.reportCount}</td>
                    <td>{t(`hotline.status.${s.status}`)}</td>
                    <td>{s.assignedTo === null ? t('hotline.assigned.none') : s.assignedTo === me ? t('hotline.assigned.me') : t('hotline.assigned.other')}</td>
                    <td>
                      {s.assignedTo === null && canAct ? (
                        <button type="button" className="button button-primary button-small" disabled={busy === s.id} onClick={() => void claim(s)}>
                          {t('hotline.claim')}
                        </button>
                      ) : (
                        <Link to={`/queue/${s.id}`} className="button button-secondary button-small">
                          {t('hotline.open')}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
