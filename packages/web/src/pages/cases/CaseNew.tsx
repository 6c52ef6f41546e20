import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { useRouter } from '../../app/router';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ui';
import * as api from '../../api/cases';
import { picklistLabel } from './labels';

const today = () => new Date().toISOString().slice(0, 10);

/** Registers a case with the fields a first interview usually gives. Identifying fields are encrypted by the server. */
export function CaseNew() {
  const i18n = useI18n();
  const { t } = i18n;
  const { navigate } = useRouter();
  const [vocabulary, setVocabulary] = useState<api.Vocabulary | null>(null);
  const [firstName, setFirstName] = useState('');
  const [secondName, setSecondName] = useState('');
  const [birthdate, setBirthdate] = useState('');
  const [gender, setGender] = useState('');
  const [citizenship, setCitizenship] = useState('');
  const [registeredOn, setRegisteredOn] = useState(today());
  const [status, setStatus] = useState('');
  const [exploitation, setExploitation] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.getVocabulary().then(setVocabulary, setError);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const person: Record<string, unknown> = {};
    if (firstName.trim()) person.firstName = firstName.trim();
    if (secondName.trim()) person.secondName = secondName.trim();
    if (birthdate.trim()) person.birthdate = birthdate.trim();
    if (gender) person.gender = gender;
    const codes = citizenship.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
    if (codes.length > 0) person.citizenship = codes;
    const record: api.CaseRecord = { case: { status: 'Active', registeredOn }, person };
    if (exploitation.length > 0 || status) record.victim = { ...(exploitation.length ? { typeOfExploitation: exploitation } : {}), ...(status ? { traffickingStatus: status } : {}) };
    if (note.trim()) record.comments = [{ text: note.trim() }];
    setBusy(true);
    setError(null);
    try {
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
          {busy ? t('common.saving') : t('cases.form.submit')}
        </button>
      </div>
    </form>
  );
}
