import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { Link } from '../../app/router';
import { ErrorAlert, Spinner } from '../../components/ui';
import * as api from '../../api/cases';
import { keyed, picklistLabel } from './labels';

/** Cases the user may see. Names stay hidden until asked for, and showing them is written to each case's access log. */
export function CasesList() {
  const i18n = useI18n();
  const { t } = i18n;
  const [names, setNames] = useState(false);
  const [cases, setCases] = useState<api.CaseSummary[] | null>(null);
  const [vocabulary, setVocabulary] = useState<api.Vocabulary | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setCases(null);
    Promise.all([api.listCases(names), api.getVocabulary()]).then(
      ([c, v]) => {
        if (!live) return;
        setCases(c);
        setVocabulary(v);
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [names]);

  return (
    <section aria-labelledby="cases-list-h">
      <h2 id="cases-list-h" className="visually-hidden">
        {t('cases.list.title')}
      </h2>
      <p className="muted">{names ? t('cases.list.namesShown') : t('cases.list.namesHidden')}</p>
      <div className="button-row">
        <button type="button" className="button button-secondary" aria-pressed={names} onClick={() => setNames(!names)}>
          {names ? t('cases.list.hideNames') : t('cases.list.showNames')}
        </button>
        <Link to="/cases/new" className="button button-primary">
          {t('cases.new.title')}
        </Link>
        <a className="button button-secondary" href="/api/v1/cases/export?format=csv" download>
          {t('cases.export.csv')}
        </a>
        <a className="button button-secondary" href="/api/v1/cases/export?format=xlsx" download>
          {t('cases.export.xlsx')}
        </a>
      </div>
      <p className="hint">{t('cases.export.hint')}</p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      {cases === null && !error ? <Spinner /> : null}
      {cases && cases.length === 0 ? <p>{t('cases.list.empty')}</p> : null}
      {cases && cases.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="cases-table">
            <caption className="visually-hidden">{t('cases.list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.col.case')}</th>
                <th scope="col">{t('cases.col.name')}</th>
                <th scope="col">{t('cases.col.status')}</th>
                <th scope="col">{t('cases.col.registeredOn')}</th>
                <th scope="col">{t('cases.col.sex')}</th>
                <th scope="col">{t('cases.col.ageBand')}</th>
                <th scope="col">{t('cases.col.exploitation')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/cases/${c.id}`} aria-label={t('cases.open', { id: c.id.slice(-8) })}>
                      {c.id.slice(-8)}
                    </Link>
                  </td>
                  <td>{names ? (c.name ?? '—') : <span className="muted">{t('cases.nameHidden')}</span>}</td>
                  <td>{picklistLabel(i18n.lang, vocabulary, 'cas_Status', c.status)}</td>
                  <td>{c.registeredOn}</td>
                  <td>{c.gender ? picklistLabel(i18n.lang, vocabulary, 'prs_Gender', c.gender) : '—'}</td>
                  <td>{keyed(t, 'stats.band', c.ageBand)}</td>
                  <td>{c.exploitation.map((e) => picklistLabel(i18n.lang, vocabulary, 'vic_TypeOfExploitation', e)).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
