import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { useMsg, type Msg } from '../i18n/msg';
import { errorMessage } from '../i18n/errors';
import * as api from '../api/client';
import { Link } from '../app/router';
import { ErrorAlert, Spinner, StatusNotice } from '../components/ui';
import { useBankAccess } from './Hashes';

/** Mirrors the server's rule for bank names (BANK_NAME_PATTERN in packages/server/src/services/bankService.ts). */
export const BANK_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u;

function CreateBankForm({ onCreated }: { onCreated: (bank: api.Bank) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const msg = useMsg();
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<Msg | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    const clean = name.trim();
    if (!clean) {
      setLocalError({ key: 'banks.create.missing' });
      return;
    }
    if (!BANK_NAME_PATTERN.test(clean)) {
      setLocalError({ key: 'error.bank.invalid_name' });
      return;
    }
    setLocalError(null);
    setBusy(true);
    try {
      const bank = await api.createBank({ name: clean, description: description.trim() || null, enabled });
      setName('');
      setDescription('');
      setEnabled(true);
      onCreated(bank);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const invalid = localError !== null;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('banks.create.title')}</h2>
      <ErrorAlert message={error ? errorMessage(error, i18n) : msg(localError)} />
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('banks.name')}</label>
          <p className="hint" id={`${id}-name-hint`}>
            {t('banks.nameHint')}
          </p>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            required
            maxLength={100}
            aria-describedby={`${id}-name-hint`}
            aria-invalid={invalid || undefined}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-desc`}>
            {t('banks.description')} <span className="muted">{t('common.optional')}</span>
          </label>
          <textarea id={`${id}-desc`} rows={2} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <div className="checkbox-item">
          <input id={`${id}-enabled`} type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          <label htmlFor={`${id}-enabled`}>
            {t('banks.create.enabled')}
            <span className="checkbox-desc"> — {t('banks.create.enabledHint')}</span>
          </label>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('banks.create.submit')}
        </button>
      </form>
    </section>
  );
}

function BankRow({ bank, canManage, onChanged, onError }: { bank: api.Bank; canManage: boolean; onChanged: (b: api.Bank) => void; onError: (e: unknown) => void }) {
  const { t, formatDateTime } = useI18n();
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      onChanged(await api.updateBank(bank.id, { enabled: !bank.enabled }));
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr>
      <td data-label={t('banks.name')}>
        <Link to={`/hashes/banks/${bank.id}`} className="cell-strong">
          {bank.name}
        </Link>
        {bank.description ? <p className="muted cell-note">{bank.description}</p> : null}
      </td>
      <td data-label={t('banks.entries')} className="num">
        {bank.entryCount.toLocaleString()}
      </td>
      <td data-label={t('banks.status')}>
        <span className={bank.enabled ? 'badge badge-ok' : 'badge badge-warn'}>{bank.enabled ? t('banks.enabled') : t('banks.disabled')}</span>
      </td>
      <td data-label={t('banks.updatedAt')}>{formatDateTime(bank.updatedAt)}</td>
      {canManage ? (
        <td data-label={t('common.actions')}>
          <button
            type="button"
            className={bank.enabled ? 'button button-danger button-small' : 'button button-secondary button-small'}
            disabled={busy}
            onClick={() => void toggle()}
            aria-label={`${bank.enabled ? t('banks.disable') : t('banks.enable')}: ${bank.name}`}
          >
            {bank.enabled ? t('banks.disable') : t('banks.enable')}
          </button>
        </td>
      ) : null}
    </tr>
  );
}

export function BanksList() {
  const i18n = useI18n();
  const { t } = i18n;
  const msg = useMsg();
  const { canManage } = useBankAccess();
  const [banks, setBanks] = useState<api.Bank[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Msg | null>(null);

  const load = useCallback(() => {
    setError(null);
    api.listBanks().then(setBanks, setError);
  }, []);
  useEffect(load, [load]);

  return (
    <div className="stack">
      <p className="muted">{canManage ? t('banks.intro') : t('banks.introReadOnly')}</p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      <StatusNotice message={msg(notice)} />

      <section aria-labelledby="banks-list-title">
        <h2 id="banks-list-title">{t('banks.listCaption')}</h2>
        {banks === null && !error ? <Spinner /> : null}
        {banks && banks.length === 0 ? <p>{canManage ? t('banks.empty') : t('banks.emptyReadOnly')}</p> : null}
        {banks && banks.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table responsive-table" data-testid="banks-table">
              <thead>
                <tr>
                  <th scope="col">{t('banks.name')}</th>
                  <th scope="col">{t('banks.entries')}</th>
                  <th scope="col">{t('banks.status')}</th>
                  <th scope="col">{t('banks.updatedAt')}</th>
                  {canManage ? <th scope="col">{t('common.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {banks.map((b) => (
                  <BankRow
                    key={b.id}
                    bank={b}
                    canManage={canManage}
                    onChanged={(nb) => {
                      setError(null);
                      setBanks((list) => (list ? list.map((x) => (x.id === nb.id ? nb : x)) : list));
                      setNotice({ key: nb.enabled ? 'banks.enabledNotice' : 'banks.disabledNotice', vars: { name: nb.name } });
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

      {canManage ? (
        <CreateBankForm
          onCreated={(b) => {
            setBanks((list) => (list ? [...list, b].sort((x, y) => x.name.localeCompare(y.name)) : [b]));
            setError(null);
            setNotice({ key: 'banks.created', vars: { name: b.name } });
          }}
        />
      ) : null}
    </div>
  );
}
