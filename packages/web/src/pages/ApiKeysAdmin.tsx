import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n, isMessageKey } from '../i18n';
import { useMsg, type Msg } from '../i18n/msg';
import { errorMessage } from '../i18n/errors';
import * as api from '../api/client';
import { ErrorAlert, SecretOnce, Spinner, StatusNotice } from '../components/ui';

function scopeLabel(scope: string, t: ReturnType<typeof useI18n>['t']): string {
  const key = `scope.${scope}`;
  return isMessageKey(key) ? t(key) : scope;
}

function CreateKeyForm({ onCreated }: { onCreated: (key: api.ApiKey, secret: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const msg = useMsg();
  const id = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<Msg | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(null);
      setLocalError({ key: 'apiKeys.create.missing' });
      return;
    }
    if (scopes.length === 0) {
      setError(null);
      setLocalError({ key: 'apiKeys.scopesRequired' });
      return;
    }
    setLocalError(null);
    setError(null);
    setBusy(true);
    try {
      const res = await api.createApiKey({ name: name.trim(), scopes });
      setName('');
      setScopes([]);
      onCreated(res.apiKey, res.secret);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('apiKeys.create.title')}</h2>
      <ErrorAlert message={error ? errorMessage(error, i18n) : msg(localError)} />
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('apiKeys.name')}</label>
          <p className="hint" id={`${id}-name-hint`}>
            {t('apiKeys.create.nameHint')}
          </p>
          <input id={`${id}-name`} type="text" autoComplete="off" required maxLength={120} aria-describedby={`${id}-name-hint`} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <fieldset className="fieldset">
          <legend>{t('apiKeys.scopes')}</legend>
          <div className="checkbox-list">
            {api.API_KEY_SCOPES.map((s) => (
              <div key={s} className="checkbox-item">
                <input
                  id={`${id}-scope-${s}`}
                  type="checkbox"
                  checked={scopes.includes(s)}
                  onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))}
                />
                <label htmlFor={`${id}-scope-${s}`}>
                  {scopeLabel(s, t)} <code className="muted">{s}</code>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('apiKeys.create.submit')}
        </button>
      </form>
    </section>
  );
}

function KeyRow({ apiKey, onRevoked, onError }: { apiKey: api.ApiKey; onRevoked: (k: api.ApiKey) => void; onError: (e: unknown) => void }) {
  const { t, formatDateTime } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const revoke = async () => {
    setBusy(true);
    try {
      onRevoked(await api.revokeApiKey(apiKey.id));
      setConfirming(false);
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr>
      <td data-label={t('apiKeys.name')}>
        <span className="cell-strong">{apiKey.name}</span>
      </td>
      <td data-label={t('apiKeys.prefix')}>
        <code>{apiKey.prefix}…</code>
      </td>
      <td data-label={t('apiKeys.scopes')}>
        <ul className="tag-list">
          {apiKey.scopes.map((s) => (
            <li key={s} className="tag" title={scopeLabel(s, t)}>
              {s}
            </li>
          ))}
        </ul>
      </td>
      <td data-label={t('apiKeys.createdAt')}>{formatDateTime(apiKey.createdAt)}</td>
      <td data-label={t('apiKeys.lastUsedAt')}>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : t('common.never')}</td>
      <td data-label={t('apiKeys.status')}>
        {apiKey.revokedAt ? (
          <span className="badge badge-warn">{t('apiKeys.revokedAt', { date: formatDateTime(apiKey.revokedAt) })}</span>
        ) : (
          <span className="badge badge-ok">{t('apiKeys.active')}</span>
        )}
      </td>
      <td data-label={t('common.actions')}>
        {apiKey.revokedAt ? null : confirming ? (
          <div className="confirm-box" role="group" aria-label={t('apiKeys.revoke')}>
            <p>{t('apiKeys.confirmRevoke', { name: apiKey.name })}</p>
            <div className="button-row">
              <button type="button" className="button button-danger button-small" disabled={busy} onClick={() => void revoke()}>
                {t('apiKeys.confirmRevokeButton')}
              </button>
              <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button button-danger button-small" onClick={() => setConfirming(true)} aria-label={`${t('apiKeys.revoke')}: ${apiKey.name}`}>
            {t('apiKeys.revoke')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function ApiKeysAdmin() {
  const i18n = useI18n();
  const { t } = i18n;
  const msg = useMsg();
  const [keys, setKeys] = useState<api.ApiKey[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Msg | null>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);

  const load = useCallback(() => {
    setError(null);
    api.listApiKeys().then(setKeys, setError);
  }, []);
  useEffect(load, [load]);

  return (
    <div className="stack">
      <p className="muted">{t('apiKeys.intro')}</p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      <StatusNotice message={msg(notice)} />

      {secret ? (
        <SecretOnce
          title={t('apiKeys.secret.title')}
          body={t('apiKeys.secret.body')}
          label={t('apiKeys.secret.label', { name: secret.name })}
          value={secret.secret}
          doneLabel={t('apiKeys.secret.done')}
          onDone={() => setSecret(null)}
        />
      ) : null}

      <section aria-labelledby="keys-list-title">
        <h2 id="keys-list-title">{t('apiKeys.listCaption')}</h2>
        {keys === null && !error ? <Spinner /> : null}
        {keys && keys.length === 0 ? <p>{t('apiKeys.empty')}</p> : null}
        {keys && keys.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table responsive-table">
              <thead>
                <tr>
                  <th scope="col">{t('apiKeys.name')}</th>
                  <th scope="col">{t('apiKeys.prefix')}</th>
                  <th scope="col">{t('apiKeys.scopes')}</th>
                  <th scope="col">{t('apiKeys.createdAt')}</th>
                  <th scope="col">{t('apiKeys.lastUsedAt')}</th>
                  <th scope="col">{t('apiKeys.status')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <KeyRow
                    key={k.id}
                    apiKey={k}
                    onRevoked={(nk) => {
                      setError(null);
                      setKeys((list) => (list ? list.map((x) => (x.id === nk.id ? nk : x)) : list));
                      setNotice({ key: 'apiKeys.revoked', vars: { name: nk.name } });
                    }}
                    onError={(e) => {
                      setNotice(null);
                      setError(e);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <CreateKeyForm
        onCreated={(k, s) => {
          setKeys((list) => (list ? [k, ...list] : [k]));
          setError(null);
          setNotice(null);
          setSecret({ name: k.name, secret: s });
        }}
      />
    </div>
  );
}
