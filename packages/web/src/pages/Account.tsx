import { useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { errorMessage } from '../i18n/errors';
import { useMsg, type Msg } from '../i18n/msg';
import * as api from '../api/client';
import { useSession, useUser } from '../app/session';
import { CopyButton, ErrorAlert, PageTitle, StatusNotice } from '../components/ui';
import { roleLabel } from './Home';

function CodeForm({ label, submitLabel, danger, onSubmit }: { label: string; submitLabel: string; danger?: boolean; onSubmit: (code: string) => Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const [formatError, setFormatError] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const clean = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(clean)) {
      setFormatError(true);
      return;
    }
    setFormatError(false);
    setBusy(true);
    try {
      await onSubmit(clean);
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form form-inline" onSubmit={submit} noValidate>
      <div className="field">
        <ErrorAlert message={formatError ? t('signin.codeFormat') : null} />
        <label htmlFor={`${id}-code`}>{label}</label>
        <input id={`${id}-code`} className="input-code" type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={8} required aria-invalid={formatError || undefined} value={code} onChange={(e) => setCode(e.target.value)} />
      </div>
      <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}

/** Mirrors the server's minimum (PASSWORD_MIN_LENGTH in packages/server/src/auth/password.ts). */
const PASSWORD_MIN_LENGTH = 12;

type PasswordProblem = 'current' | 'new' | 'confirm' | null;

function ChangePasswordForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const msg = useMsg();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<{ field: PasswordProblem; msg: Msg } | null>(null);
  const [done, setDone] = useState(false);
  const { email } = useUser();
  const refs = { current: useRef<HTMLInputElement>(null), new: useRef<HTMLInputElement>(null), confirm: useRef<HTMLInputElement>(null) };

  const fail = (field: Exclude<PasswordProblem, null>, m: Msg) => {
    setLocalError({ field, msg: m });
    refs[field].current?.focus();
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    if (!current) return fail('current', { key: 'password.missingCurrent' });
    if (next.length < PASSWORD_MIN_LENGTH) return fail('new', { key: 'error.validation.password_too_short', vars: { min: PASSWORD_MIN_LENGTH } });
    if (next === current) return fail('new', { key: 'error.validation.password_unchanged' });
    if (confirm !== next) return fail('confirm', { key: 'password.mismatch' });
    setLocalError(null);
    setBusy(true);
    try {
      await api.changePassword({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    } catch (err) {
      setError(err);
      if (err instanceof api.ApiError && err.code === 'auth.current_password_invalid') refs.current.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const code = error instanceof api.ApiError ? error.code : '';
  const serverField: PasswordProblem = code === 'auth.current_password_invalid' ? 'current' : code.startsWith('validation.password') ? 'new' : null;
  const invalid = (f: Exclude<PasswordProblem, null>) => (localError?.field === f || serverField === f ? true : undefined);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('password.title')}</h2>
      <p id={`${id}-intro`}>{t('password.intro')}</p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : localError ? msg(localError.msg) : null} />
      <StatusNotice message={done ? t('password.changed') : null} />
      <form className="form" onSubmit={submit} noValidate aria-describedby={`${id}-intro`}>
        {/* Lets password managers tie the new password to this account. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <div className="field">
          <label htmlFor={`${id}-current`}>{t('password.current')}</label>
          <input ref={refs.current} id={`${id}-current`} type="password" autoComplete="current-password" required aria-invalid={invalid('current')} value={current} onChange={(e) => setCurrent(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-new`}>{t('password.new')}</label>
          <p className="hint" id={`${id}-new-hint`}>
            {t('password.newHint', { min: PASSWORD_MIN_LENGTH })}
          </p>
          <input ref={refs.new} id={`${id}-new`} type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} aria-describedby={`${id}-new-hint`} aria-invalid={invalid('new')} value={next} onChange={(e) => setNext(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-confirm`}>{t('password.confirm')}</label>
          <input ref={refs.confirm} id={`${id}-confirm`} type="password" autoComplete="new-password" required aria-invalid={invalid('confirm')} value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}

export function Account() {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useUser();
  const { setUser } = useSession();
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<'account.totp.enabled' | 'account.totp.disabled' | null>(null);
  const [busy, setBusy] = useState(false);

  const startSetup = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setSetup(await api.totpSetup());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const enable = async (code: string) => {
    setError(null);
    try {
      setUser(await api.totpEnable(code));
      setSetup(null);
      setNotice('account.totp.enabled');
    } catch (err) {
      setError(err);
    }
  };

  const disable = async (code: string) => {
    setError(null);
    try {
      setUser(await api.totpDisable(code));
      setNotice('account.totp.disabled');
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageTitle title={t('account.title')}>{t('account.title')}</PageTitle>
      <section className="card" aria-labelledby="account-profile">
        <h2 id="account-profile">{t('account.profile')}</h2>
        <dl className="details">
          <dt>{t('users.displayName')}</dt>
          <dd>{user.displayName || '—'}</dd>
          <dt>{t('users.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('users.roles')}</dt>
          <dd>{user.roles.map((r) => roleLabel(r, t)).join(', ') || '—'}</dd>
        </dl>
      </section>

      <ChangePasswordForm />

      <section className="card" aria-labelledby="account-totp">
        <h2 id="account-totp">{t('account.totp.title')}</h2>
        <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
        <StatusNotice message={notice ? t(notice) : null} />
        <p>
          <span className={user.totpEnabled ? 'badge badge-ok' : 'badge badge-warn'}>{user.totpEnabled ? t('common.yes') : t('common.no')}</span>{' '}
          {user.totpEnabled ? t('account.totp.on') : t('account.totp.off')}
        </p>

        {!user.totpEnabled && !setup ? (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void startSetup()}>
            {t('account.totp.start')}
          </button>
        ) : null}

        {!user.totpEnabled && setup ? (
          <div className="stack">
            <p>{t('account.totp.instructions')}</p>
            <dl className="details">
              <dt>{t('account.totp.secret')}</dt>
              <dd className="secret-row">
                <code className="secret-value" data-testid="totp-secret">
                  {setup.secret}
                </code>
                <CopyButton value={setup.secret} />
              </dd>
              <dt>{t('account.totp.uri')}</dt>
              <dd className="secret-row">
                <code className="secret-value secret-wrap" data-testid="totp-uri">
                  {setup.otpauthUrl}
                </code>
                <CopyButton value={setup.otpauthUrl} />
              </dd>
            </dl>
            <CodeForm label={t('account.totp.code')} submitLabel={t('account.totp.confirm')} onSubmit={enable} />
          </div>
        ) : null}

        {user.totpEnabled ? (
          <div className="stack">
            <h3>{t('account.totp.disableTitle')}</h3>
            <CodeForm label={t('account.totp.code')} submitLabel={t('account.totp.disable')} danger onSubmit={disable} />
          </div>
        ) : null}
      </section>
    </>
  );
}
