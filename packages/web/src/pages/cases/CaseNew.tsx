import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { useRouter } from '../../app/router';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ui';
import * as api from '../../api/cases';
import { picklistLabel } from './labels';

// The reader's own calendar day (toISOString would give tomorrow's date in the evening west of UTC).
const today = () => new Date().toLocaleDateString('en-CA');

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/**
 * Registers a case with the fields a first interview usually gives, or edits those fields of an existing case
 * (`existing`; the rest of the record is kept as it is). Identifying fields are encrypted by the server. An edit
 * carries the version it was read at: if someone changed the case meanwhile, the server refuses it (conflict).
 */
export function CaseNew({ existing, onSaved }: { existing?: api.CaseView; onSaved?: (view: api.CaseView) => void } = {}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { navigate } = useRouter();
  const p = existing?.record.person ?? {};
  const v = existing?.record.victim ?? {};
  const [vocabulary, setVocabulary] = useState<api.Vocabulary | null>(null);
  const [firstName, setFirstName] = useState(str(p.firstName));
  const [secondName, setSecondName] = useState(str(p.secondName));
  const [birthdate, setBirthdate] = useState(str(p.birthdate));
  const [gender, setGender] = useState(str(p.gender));
  const [citizenship, setCitizenship] = useState(list(p.citizenship).join(', '));
  const [registeredOn, setRegisteredOn] = useState(existing?.record.case.registeredOn ?? today());
  const [caseStatus, setCaseStatus] = useState(existing?.record.case.status ?? 'Active');
  const [closure, setClosure] = useState(str(existing?.record.case.reasonForCaseClosure));
  const [status, setStatus] = useState(str(v.traffickingStatus));
  const [exploitation, setExploitation] = useState<string[]>(list(v.typeOfExploitation));
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.getVocabulary().then(setVocabulary, setError);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Fields shown here are replaced (an emptied one is removed); every other field of the record is kept.
    const set = (obj: Record<string, unknown>, key: string, value: unknown) => {
      if (value === '' || (Array.isArray(value) && value.length === 0)) delete obj[key];
      else obj[key] = value;
    };
    const person: Record<string, unknown> = { ...(existing?.record.person ?? {}) };
    set(person, 'firstName', firstName.trim());
    set(person, 'secondName', secondName.trim());
    set(person, 'birthdate', birthdate.trim());
    set(person, 'gender', gender);
    set(person, 'citizenship', citizenship.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean));
    const caseSection: Record<string, unknown> = { ...(existing?.record.case ?? {}), status: caseStatus, registeredOn };
    set(caseSection, 'reasonForCaseClosure', caseStatus.startsWith('Closed') ? closure.trim() : '');
    const record: api.CaseRecord = { ...(existing?.record ?? {}), case: caseSection as api.CaseRecord['case'], person };
    const victim: Record<string, unknown> = { ...(existing?.record.victim ?? {}) };
    set(victim, 'typeOfExploitation', exploitation);
    set(victim, 'traffickingStatus', status);
    if (Object.keys(victim).length > 0) record.victim = victim;
    else delete record.victim;
    if (note.trim()) record.comments = [...((existing?.record.comments as unknown[] | undefined) ?? []), { text: note.trim() }];
    setBusy(true);
    setError(null);
    try {
      if (existing) {
        onSaved?.(await api.updateCase(existing.id, existing.version, record));
        return;
      }
      const created = await api.createCase(record);
      navigate(`/cases/${created.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const issues = error instanceof ApiError && Array.isArray(error.problem.issues) ? (error.problem.issues as { field: string; allowed?: string[] }[]) : [];
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-describedby="case-new-note">
      <p id="case-new-note" className="callout callout-info">
        {t('cases.form.sensitive')}
      </p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      {issues.length > 0 ? (
        <ul className="line-errors" data-testid="case-issues">
          {issues.map((i) => (
            <li key={i.field}>{t('cases.form.issue', { field: i.field })}</li>
          ))}
        </ul>
      ) : null}
      <div className="field-row">
        <div className="field">
          <label htmlFor="case-first">{t('cases.field.firstName')}</label>
          <input id="case-first" autoComplete="off" value={firstName} onChange={(e) => setFirstName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="case-second">{t('cases.field.secondName')}</label>
          <input id="case-second" autoComplete="off" value={secondName} onChange={(e) => setSecondName(e.target.value)} />
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="case-birth">{t('cases.field.birthdate')}</label>
          <input id="case-birth" autoComplete="off" aria-describedby="case-birth-hint" value={birthdate} onChange={(e) => setBirthdate(e.target.value)} />
          <p id="case-birth-hint" className="hint">
            {t('cases.form.birthdateHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="case-gender">{t('cases.field.gender')}</label>
          <select id="case-gender" value={gender} onChange={(e) => setGender(e.target.value)}>
            <option value="">{t('cases.form.choose')}</option>
            {vocabulary?.picklists.prs_Gender?.map((o) => (
              <option key={o.value} value={o.value}>
                {picklistLabel(i18n.lang, vocabulary, 'prs_Gender', o.value)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="case-citizenship">{t('cases.field.citizenship')}</label>
          <input id="case-citizenship" aria-describedby="case-citizenship-hint" value={citizenship} onChange={(e) => setCitizenship(e.target.value)} />
          <p id="case-citizenship-hint" className="hint">
            {t('cases.form.citizenshipHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="case-registered">{t('cases.field.registeredOn')}</label>
          <input id="case-registered" type="date" value={registeredOn} onChange={(e) => setRegisteredOn(e.target.value)} required />
        </div>
      </div>
      {existing ? (
        <div className="field-row">
          <div className="field">
            <label htmlFor="case-case-status">{t('cases.field.status')}</label>
            <select id="case-case-status" value={caseStatus} onChange={(e) => setCaseStatus(e.target.value)}>
              {vocabulary?.picklists.cas_Status?.map((o) => (
                <option key={o.value} value={o.value}>
                  {picklistLabel(i18n.lang, vocabulary, 'cas_Status', o.value)}
                </option>
              ))}
            </select>
          </div>
          {caseStatus.startsWith('Closed') ? (
            <div className="field">
              <label htmlFor="case-closure">{t('cases.field.reasonForCaseClosure')}</label>
              <input id="case-closure" value={closure} onChange={(e) => setClosure(e.target.value)} />
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="case-status">{t('cases.field.traffickingStatus')}</label>
        <select id="case-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('cases.form.choose')}</option>
          {vocabulary?.picklists.vic_TraffickingStatus?.map((o) => (
            <option key={o.value} value={o.value}>
              {picklistLabel(i18n.lang, vocabulary, 'vic_TraffickingStatus', o.value)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="fieldset">
        <legend>{t('cases.field.typeOfExploitation')}</legend>
        <div className="checkbox-list">
          {vocabulary?.picklists.vic_TypeOfExploitation?.map((o) => (
            <div key={o.value} className="checkbox-item">
              <input
                id={`case-exp-${o.value}`}
                type="checkbox"
                checked={exploitation.includes(o.value)}
                onChange={(e) => setExploitation(e.target.checked ? [...exploitation, o.value] : exploitation.filter((x) => x !== o.value))}
              />
              <label htmlFor={`case-exp-${o.value}`}>{picklistLabel(i18n.lang, vocabulary, 'vic_TypeOfExploitation', o.value)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="case-note">{t('cases.field.comment')}</label>
        <textarea id="case-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : existing ? t('common.save') : t('cases.form.submit')}
        </button>
      </div>
    </form>
  );
}
