import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import * as hl from '../../api/hotline';
import { ErrorAlert, Spinner, StatusNotice } from '../../components/ui';

function ProviderForm({ onSaved }: { onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [name, setName] = useState('');
  const [domains, setDomains] = useState('');
  const [ipRanges, setIpRanges] = useState('');
  const [abuseEmail, setAbuseEmail] = useState('');
  const [webhookUrl, setWebhookUrl] = useState('');
  const [country, setCountry] = useState('');
  const [language, setLanguage] = useState<'es' | 'en'>('es');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const split = (v: string) => v.split(/[\s,;]+/).filter(Boolean);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await hl.saveProvider({
        name: name.trim(),
        domains: split(domains.toLowerCase()),
        ipRanges: split(ipRanges),
        abuseEmail: abuseEmail.trim() || null,
        webhookUrl: webhookUrl.trim() || null,
        country: country.trim().toUpperCase() || null,
        language,
      });
      setSaved(t('hotline.providers.added'));
      setName('');
      setDomains('');
      setIpRanges('');
      setAbuseEmail('');
      setWebhookUrl('');
      setCountry('');
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('hotline.providers.add')}</h2>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      <StatusNotice message={saved} />
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('hotline.providers.name')}</label>
          <input id={`${id}-name`} type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-domains`}>{t('hotline.providers.domains')}</label>
          <p className="hint">{t('hotline.providers.domainsHint')}</p>
          <input id={`${id}-domains`} type="text" value={domains} onChange={(e) => setDomains(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-ips`}>{t('hotline.providers.ipRanges')}</label>
          <p className="hint">{t('hotline.providers.ipRangesHint')}</p>
          <input id={`${id}-ips`} type="text" value={ipRanges} onChange={(e) => setIpRanges(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('hotline.providers.email')}</label>
          <input id={`${id}-email`} type="email" value={abuseEmail} onChange={(e) => setAbuseEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-hook`}>
            {t('hotline.providers.webhook')} <span className="muted">{t('common.optional')}</span>
          </label>
          <input id={`${id}-hook`} type="url" value={webhookUrl} onChange={(e) => setWebhookUrl(e.target.value)} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-country`}>{t('hotline.providers.country')}</label>
            <input id={`${id}-country`} type="text" maxLength={2} value={country} onChange={(e) => setCountry(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-lang`}>{t('hotline.providers.language')}</label>
            <select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.target.value as 'es' | 'en')}>
              <option value="es">{t('lang.es')}</option>
              <option value="en">{t('lang.en')}</option>
            </select>
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('hotline.providers.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

function CsvImport({ onImported }: { onImported: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const r = await hl.importProviders(await file.text());
      setDone(t('hotline.providers.imported', { created: r.created, updated: r.updated }));
      onImported();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('hotline.providers.import')}</h2>
      <p className="hint">{t('hotline.providers.importHint')}</p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      <StatusNotice message={done} />
      <label htmlFor={`${id}-file`} className="visually-hidden">
        {t('hotline.providers.import')}
      </label>
      <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} />
    </section>
  );
}

/** The provider directory: everyone in the hotline reads it; admins keep it. */
export function Providers({ canEdit }: { canEdit: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [providers, setProviders] = useState<hl.Provider[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setProviders(await hl.listProviders());
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="stack">
      <section className="card" aria-labelledby={`${id}-t`}>
        <h2 id={`${id}-t`}>{t('hotline.providers.title')}</h2>
        <p className="lead">{t('hotline.providers.intro')}</p>
        <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
        {!providers ? (
          <Spinner />
        ) : providers.length === 0 ? (
          <p className="muted">{t('hotline.providers.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="providers-table">
              <thead>
                <tr>
                  <th scope="col">{t('hotline.providers.name')}</th>
                  <th scope="col">{t('hotline.providers.domains')}</th>
                  <th scope="col">{t('hotline.providers.ipRanges')}</th>
                  <th scope="col">{t('hotline.providers.email')}</th>
                  <th scope="col">{t('hotline.providers.country')}</th>
                  {canEdit ? <th scope="col">{t('common.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {providers.map((p) => (
                  <tr key={p.id}>
                    <td>{p.name}</td>
                    <td>{p.domains.join(' ')}</td>
                    <td>{p.ipRanges.join(' ')}</td>
                    <td>{p.abuseEmail ?? p.webhookUrl ?? ''}</td>
                    <td>{p.country ?? ''}</td>
                    {canEdit ? (
                      <td>
                        <button type="button" className="button button-danger button-small" onClick={() => void hl.deleteProvider(p.id).then(load, setError)}>
                          {t('hotline.providers.delete')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canEdit ? <ProviderForm onSaved={() => void load()} /> : null}
      {canEdit ? <CsvImport onImported={() => void load()} /> : null}
    </div>
  );
}
