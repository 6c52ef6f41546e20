import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { setAccessReason, useAccessReason } from '../../app/purpose';
import { useUser } from '../../app/session';
import { ErrorAlert } from '../../components/ui';

/** Investigators state a purpose before searching or reading items (the server refuses them otherwise). */
export function useNeedsPurpose(): boolean {
  return useUser().roles.includes('investigator');
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * The purpose form: why it is asked (the audit log), what happens to it (memory of this tab only), the purpose
 * and an optional legal basis. `onCancel` is offered when a purpose is already stated (changing it).
 */
export function PurposeForm({ onDone, onCancel }: { onDone?: () => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const current = useAccessReason();
  const [purpose, setPurpose] = useState(current?.purpose ?? '');
  const [legalBasis, setLegalBasis] = useState(current?.legalBasis ?? '');
  const [error, setError] = useState<MessageKey | null>(null);
  const [field, setField] = useState<'purpose' | 'legalBasis' | null>(null);
  const purposeRef = useRef<HTMLTextAreaElement>(null);
  const basisRef = useRef<HTMLInputElement>(null);
  const sectionRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (onCancel) purposeRef.current?.focus();
  }, [onCancel]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const p = purpose.trim();
    const b = legalBasis.trim();
    let problem: MessageKey | null = null;
    let where: 'purpose' | 'legalBasis' = 'purpose';
    if (!p) problem = 'purpose.missing';
    else if (p.length > 500) problem = 'purpose.tooLong';
    else if (b.length > 200) [problem, where] = ['purpose.tooLong', 'legalBasis'];
    else if (CONTROL.test(p)) problem = 'purpose.control';
    else if (CONTROL.test(b)) [problem, where] = ['purpose.control', 'legalBasis'];
    if (problem) {
      setError(problem);
      setField(where);
      (where === 'purpose' ? purposeRef.current : basisRef.current)?.focus();
      return;
    }
    setError(null);
    setField(null);
    setAccessReason({ purpose: p, legalBasis: b });
    onDone?.();
  };

  return (
    <section className="card purpose-card" aria-labelledby={`${id}-t`} ref={sectionRef} data-testid="purpose-form">
      <h2 id={`${id}-t`}>{t('purpose.title')}</h2>
      <p>{t('purpose.why')}</p>
      <p className="muted">{t('purpose.memory')}</p>
      <ErrorAlert message={error ? t(error) : null} />
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-purpose`}>
            {t('purpose.purpose')} <span className="muted">{t('common.required')}</span>
          </label>
          <p className="hint" id={`${id}-purpose-hint`}>
            {t('purpose.purposeHint')}
          </p>
          <textarea
            ref={purposeRef}
            id={`${id}-purpose`}
            rows={2}
            maxLength={500}
            required
            aria-required="true"
            aria-describedby={`${id}-purpose-hint`}
            aria-invalid={field === 'purpose' || undefined}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-basis`}>
            {t('purpose.legalBasis')} <span className="muted">{t('common.optional')}</span>
          </label>
          <p className="hint" id={`${id}-basis-hint`}>
            {t('purpose.legalBasisHint')}
          </p>
          <input
            ref={basisRef}
            id={`${id}-basis`}
            type="text"
            maxLength={200}
            autoComplete="off"
            aria-describedby={`${id}-basis-hint`}
            aria-invalid={field === 'legalBasis' || undefined}
            value={legalBasis}
            onChange={(e) => setLegalBasis(e.target.value)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('purpose.submit')}
          </button>
          {onCancel ? (
            <button type="button" className="button button-secondary" onClick={onCancel}>
              {t('purpose.cancelChange')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

/** The stated purpose, shown above results, with a way to change it. */
export function PurposeSummary() {
  const { t } = useI18n();
  const reason = useAccessReason();
  const [editing, setEditing] = useState(false);
  if (!reason) return null;
  if (editing) return <PurposeForm onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />;
  return (
    <div className="callout callout-info purpose-summary" data-testid="purpose-summary">
      <dl className="details">
        <dt>{t('purpose.current')}</dt>
        <dd className="untrusted-text-inline">{reason.purpose}</dd>
        <dt>{t('purpose.currentBasis')}</dt>
        <dd>{reason.legalBasis || <span className="muted">{t('purpose.none')}</span>}</dd>
      </dl>
      <p className="hint">{t('purpose.recorded')}</p>
      <button type="button" className="button button-secondary button-small" onClick={() => setEditing(true)}>
        {t('purpose.change')}
      </button>
    </div>
  );
}
