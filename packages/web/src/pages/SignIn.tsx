import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { errorMessage } from '../i18n/errors';
import { ApiError } from '../api/client';
import { useSession } from '../app/session';
import { ErrorAlert, LanguageSwitch, PageTitle, StatusNotice } from '../components/ui';

export function SignIn({ notice }: { notice: MessageKey | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [totpCode, setTotpCode] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<MessageKey | null>(null);
  const totpRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    if (!email.trim() || !password || (needTotp && !totpCode.trim())) {
      setError(null);
      setLocalError(needTotp && email.trim() && password ? 'signin.missingCode' : 'signin.missing');
      return;
    }
    const code = totpCode.replace(/\s+/g, '');
    if (needTotp && !/^\d{6}$/.test(code)) {
      setError(null);
      setLocalError('signin.codeFormat');
      totpRef.current?.focus();
      return;
    }
    setLocalError(null);
    setBusy(true);
    setError(null);
    try {
      await signIn({ email: email.trim(), password, ...(needTotp && code ? { totpCode: code } : {}) });
      // On success this component unmounts: the session switches to the signed-in shell.
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === 'auth.totp_required') {
        if (needTotp) setError(err); // a code was asked for and is still missing
        setNeedTotp(true);
        return;
      }
      setError(err);
      if (err instanceof ApiError && err.code === 'auth.invalid_credentials') {
        setPassword('');
        passwordRef.current?.focus();
      }
    }
  };

  // The translated message is recomputed on every render, so switching language also translates the error.
  const message = error ? errorMessage(error, i18n) : localError ? t(localError) : null;

  return (
    <div className="signin-page">
      <header className="signin-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" className="signin-main">
        <div className="card signin-card">
          <PageTitle title={t('signin.title')}>{t('signin.title')}</PageTitle>
          <p className="muted">{t('signin.intro')}</p>
          <StatusNotice message={notice && !message ? t(notice) : null} />
          <ErrorAlert message={message} />
          <form onSubmit={submit} noValidate className="form">
            <div className="field">
              <label htmlFor="signin-email">{t('signin.email')}</label>
              <input
                id="signin-email"
                name="email"
                type="email"
                autoComplete="username"
                inputMode="email"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={error instanceof ApiError && error.code === 'auth.invalid_credentials' ? true : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="signin-password">{t('signin.password')}</label>
              <input
                id="signin-password"
                ref={passwordRef}
                name="password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={error instanceof ApiError && error.code === 'auth.invalid_credentials' ? true : undefined}
              />
              <label className="checkbox-inline">
                <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
                {t('signin.showPassword')}
              </label>
            </div>
            {needTotp ? (
              <div className="field">
                <label htmlFor="signin-totp">{t('signin.totp')}</label>
                <p className="hint" id="signin-totp-hint">
                  {t('signin.totpHint')}
                </p>
                <input
                  id="signin-totp"
                  ref={totpRef}
                  name="totpCode"
                  type="text"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={8}
                  required
                  className="input-code"
                  aria-describedby="signin-totp-hint"
                  value={totpCode}
                  onChange={(e) => setTotpCode(e.target.value)}
                />
              </div>
            ) : null}
            <button type="submit" className="button button-primary button-block" disabled={busy}>
              {busy ? t('signin.submitting') : t('signin.submit')}
            </button>
          </form>
        </div>
      </main>
    </div>
  );
}
