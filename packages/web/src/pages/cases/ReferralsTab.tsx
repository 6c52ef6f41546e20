import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { ApiError } from '../../api/client';
import { ErrorAlert, Spinner, StatusNotice } from '../../components/ui';
import * as api from '../../api/cases';
import { keyed, picklistLabel } from './labels';

/** What a referral can share, field by field: the receiving organisation sees only what is ticked. */
export const SHAREABLE_FIELDS = ['person.firstName', 'person.secondName', 'person.gender', 'person.birthdate', 'person.citizenship', 'person.mobilePhone', 'victim.typeOfExploitation', 'victim.traffickingStatus', 'events[].country'] as const;

export function ReferralsTab({ caseId, vocabulary, canOverride }: { caseId: string; vocabulary: api.Vocabulary | null; canOverride: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [referrals, setReferrals] = useState<api.Referral[] | null>(null);
  const [organisations, setOrganisations] = useState<api.Organisation[]>([]);
  const [to, setTo] = useState('');
  const [purpose, setPurpose] = useState('support_services');
  const [kind, setKind] = useState('referral');
  const [reason, setReason] = useState('AdditionalServicesRequired');
  const [shared, setShared] = useState<string[]>(['person.gender', 'victim.typeOfExploitation']);
  const [override, setOverride] = useState(false);
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([api.listReferrals(caseId), api.listOrganisations()]).then(([r, o]) => {
      setReferrals(r);
      setOrganisations(o);
      setTo((current) => current || o[0]?.id || '');
    }, setError);
  }, [caseId]);

  const orgName = (id: string) => organisations.find((o) => o.id === id)?.name ?? id.slice(-8);
  const needs = vocabulary?.referralPurposes.find((p) => p.purpose === purpose)?.needs ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    try {
      const created = await api.createReferral(caseId, { toOrganisationId: to, kind, purpose, reason, sharedFields: shared, ...(override ? { override: { justification } } : {}) });
      setReferrals([...(referrals ?? []), created]);
      setNotice(t('referrals.created', { organisation: orgName(to) }));
    } catch (err) {
      setError(err);
    }
  };

  if (!referrals) return error ? <ErrorAlert message={errorMessage(error, i18n)} /> : <Spinner />;
  const missing = error instanceof ApiError && Array.isArray(error.problem.missing) ? (error.problem.missing as string[]) : [];
  return (
    <>
      {referrals.length === 0 ? (
        <p>{t('referrals.none')}</p>
      ) : (
        <table className="data-table" data-testid="referrals-table">
          <caption>{t('referrals.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('referrals.col.organisation')}</th>
              <th scope="col">{t('referrals.col.purpose')}</th>
              <th scope="col">{t('referrals.col.status')}</th>
              <th scope="col">{t('referrals.col.basis')}</th>
              <th scope="col">{t('referrals.col.shared')}</th>
            </tr>
          </thead>
          <tbody>
            {referrals.map((r) => (
              <tr key={r.id}>
                <td>{orgName(r.toOrganisationId)}</td>
                <td>{keyed(t, 'referrals.purpose', r.purpose)}</td>
                <td>{keyed(t, 'referrals.status', r.status)}</td>
                <td>{keyed(t, 'referrals.basis', r.basis)}</td>
                <td>{r.sharedFields.map((f) => keyed(t, 'referrals.share', f)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="referral-form-h">
        <h2 id="referral-form-h">{t('referrals.form.title')}</h2>
        <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
        {missing.length > 0 ? <p data-testid="missing-consent">{t('referrals.missing', { purposes: missing.map((m) => keyed(t, 'consent.purpose', m)).join(', ') })}</p> : null}
        <StatusNotice message={notice} />
        <div className="field-row">
          <div className="field">
            <label htmlFor="ref-to">{t('referrals.form.organisation')}</label>
            <select id="ref-to" value={to} onChange={(e) => setTo(e.target.value)}>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({o.services.map((s) => keyed(t, 'service', s)).join(', ')})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ref-purpose">{t('referrals.form.purpose')}</label>
            <select id="ref-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} aria-describedby="ref-needs">
              {(vocabulary?.referralPurposes ?? []).map((p) => (
                <option key={p.purpose} value={p.purpose}>
                  {keyed(t, 'referrals.purpose', p.purpose)}
                </option>
              ))}
            </select>
            <p id="ref-needs" className="hint">
              {t('referrals.form.needs', { purposes: needs.map((n) => keyed(t, 'consent.purpose', n)).join(', ') })}
            </p>
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="ref-kind">{t('referrals.form.kind')}</label>
            <select id="ref-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="referral">{t('referrals.kind.referral')}</option>
              <option value="transfer">{t('referrals.kind.transfer')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="ref-reason">{t('referrals.form.reason')}</label>
            <select id="ref-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
              {(vocabulary?.picklists.cas_ReasonForOutgoingReferral ?? []).map((o) => (
                <option key={o.value} value={o.value}>
                  {picklistLabel(i18n.lang, vocabulary, 'cas_ReasonForOutgoingReferral', o.value)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="fieldset">
          <legend>{t('referrals.form.shared')}</legend>
          <div className="checkbox-list">
            {SHAREABLE_FIELDS.map((f) => (
              <div key={f} className="checkbox-item">
                <input id={`share-${f}`} type="checkbox" checked={shared.includes(f)} onChange={(e) => setShared(e.target.checked ? [...shared, f] : shared.filter((x) => x !== f))} />
                <label htmlFor={`share-${f}`}>{keyed(t, 'referrals.share', f)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        {canOverride ? (
          <div className="field">
            <div className="checkbox-item">
              <input id="ref-override" type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
              <label htmlFor="ref-override">{t('referrals.form.override')}</label>
            </div>
            {override ? (
              <>
                <label htmlFor="ref-justification">{t('referrals.form.justification')}</label>
                <textarea id="ref-justification" rows={3} value={justification} onChange={(e) => setJustification(e.target.value)} />
              </>
            ) : null}
          </div>
        ) : null}
        <button type="submit" className="button button-primary" disabled={!to || shared.length === 0}>
          {t('referrals.form.submit')}
        </button>
      </form>
    </>
  );
}
