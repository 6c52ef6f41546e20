import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { ErrorAlert, Spinner, StatusNotice } from '../../components/ui';
import * as api from '../../api/cases';
import { keyed } from './labels';

/** The consent log: whether each purpose holds, and recording informed consent (all six points of the HTCDS guidance). */
export function ConsentTab({ caseId }: { caseId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [consent, setConsent] = useState<api.ConsentView | null>(null);
  const [purposes, setPurposes] = useState<string[]>([]);
  const [givenBy, setGivenBy] = useState('person');
  const [informed, setInformed] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    api.getConsent(caseId).then(setConsent, setError);
  }, [caseId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!consent) return;
    setError(null);
    setNotice(null);
    try {
      const next = await api.recordConsent(caseId, {
        type: 'consent.given',
        baseVersion: consent.version,
        purposes,
        givenBy,
        informed: Object.fromEntries(api.INFORMED_POINTS.map((p) => [p, informed[p] === true])),
      });
      setConsent(next);
      setPurposes([]);
      setNotice(t('consent.recorded'));
    } catch (err) {
      setError(err);
    }
  };

  const withdraw = async (purpose: string) => {
    if (!consent) return;
    setError(null);
    setNotice(null);
    try {
      setConsent(await api.withdrawConsent(caseId, consent.version, [purpose]));
      setNotice(t('consent.withdrawn'));
    } catch (err) {
      setError(err);
    }
  };

  if (!consent) return error ? <ErrorAlert message={errorMessage(error, i18n)} /> : <Spinner />;
  return (
    <>
      <table className="data-table" data-testid="consent-table">
        <caption>{t('consent.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consent.col.purpose')}</th>
            <th scope="col">{t('consent.col.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(consent.status).map(([p, s]) => (
            <tr key={p}>
              <th scope="row">{keyed(t, 'consent.purpose', p)}</th>
              <td>
                <span className={s === 'given' ? 'badge badge-ok' : 'badge badge-muted'}>{keyed(t, 'consent.status', s)}</span>
              </td>
              <td>
                {s === 'given' ? (
                  <button type="button" className="button button-secondary button-small" onClick={() => void withdraw(p)} aria-label={`${t('consent.withdraw')}: ${keyed(t, 'consent.purpose', p)}`}>
                    {t('consent.withdraw')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="consent-form-h">
        <h2 id="consent-form-h">{t('consent.form.title')}</h2>
        <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
        <StatusNotice message={notice} />
        <fieldset className="fieldset">
          <legend>{t('consent.form.purposes')}</legend>
          <div className="checkbox-list">
            {Object.keys(consent.status).map((p) => (
              <div key={p} className="checkbox-item">
                <input id={`cp-${p}`} type="checkbox" checked={purposes.includes(p)} onChange={(e) => setPurposes(e.target.checked ? [...purposes, p] : purposes.filter((x) => x !== p))} />
                <label htmlFor={`cp-${p}`}>{keyed(t, 'consent.purpose', p)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="consent-given-by">{t('consent.form.givenBy')}</label>
          <select id="consent-given-by" value={givenBy} onChange={(e) => setGivenBy(e.target.value)}>
            {['person', 'guardian', 'person_and_guardian'].map((g) => (
              <option key={g} value={g}>
                {keyed(t, 'consent.givenBy', g)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="fieldset">
          <legend>{t('consent.form.informed')}</legend>
          <div className="checkbox-list">
            {api.INFORMED_POINTS.map((p) => (
              <div key={p} className="checkbox-item">
                <input id={`ci-${p}`} type="checkbox" checked={informed[p] === true} onChange={(e) => setInformed({ ...informed, [p]: e.target.checked })} />
                <label htmlFor={`ci-${p}`}>{keyed(t, 'consent.informed', p)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button button-primary">
          {t('consent.form.submit')}
        </button>
      </form>
    </>
  );
}
