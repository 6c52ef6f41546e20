import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n, LANGS } from '../i18n';

/** The page heading. Receives focus when the page changes so screen-reader and keyboard users start there. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="lang-button"
          aria-pressed={lang === l}
          onClick={() => setLang(l)}
        >
          {t(l === 'es' ? 'lang.es' : 'lang.en')}
        </button>
      ))}
    </div>
  );
}

export function ErrorAlert({ message }: { message: string | null }) {
  const { t } = useI18n();
  // The live region is always rendered so that assistive technology announces new messages.
  return (
    <div role="alert" className={message ? 'alert alert-error' : 'alert-empty'}>
      {message ? (
        <>
          <span className="visually-hidden">{t('error.title')}: </span>
          {message}
        </>
      ) : null}
    </div>
  );
}

export function StatusNotice({ message }: { message: string | null }) {
  return (
    <div role="status" className={message ? 'alert alert-ok' : 'alert-empty'}>
      {message}
    </div>
  );
}

export function CopyButton({ value, label }: { value: string; label?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const h = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(h);
  }, [copied]);
  if (!navigator.clipboard) return null; // not available outside secure contexts; the text can be selected
  return (
    <button
      type="button"
      className="button button-secondary button-small"
      onClick={() => {
        navigator.clipboard.writeText(value).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      {copied ? t('common.copied') : (label ?? t('common.copy'))}
      <span className="visually-hidden" aria-live="polite">
        {copied ? ` ${t('common.copied')}` : ''}
      </span>
    </button>
  );
}

/** A secret shown exactly once (generated password, API key), with a copy button and an explicit dismissal. */
export function SecretOnce(props: { title: string; body: string; label: string; value: string; doneLabel: string; onDone: () => void }) {
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section className="secret-once" aria-labelledby={`${id}-title`} ref={ref} tabIndex={-1} data-testid="secret-once">
      <h2 id={`${id}-title`}>{props.title}</h2>
      <p>{props.body}</p>
      <p className="secret-label" id={`${id}-label`}>
        {props.label}
      </p>
      <div className="secret-row">
        <code className="secret-value" data-testid="secret-value">
          {props.value}
        </code>
        <CopyButton value={props.value} />
      </div>
      <button type="button" className="button" onClick={props.onDone}>
        {props.doneLabel}
      </button>
    </section>
  );
}

export function Spinner() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
