import { useId } from 'react';
import { useI18n } from '../i18n';
import { useRevealCount } from '../app/reveals';

/**
 * A preview of an uploaded image that may show abuse: blurred and greyscale (CSS classes, no inline styles)
 * until the reviewer reveals it with an explicit button press. The parent decides which one preview (at most)
 * is revealed; nothing is ever revealed automatically.
 */
export function SensitivePreview(props: { src: string; name: string; revealed: boolean; onReveal: () => void; onHide: () => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <figure className="sensitive" data-testid="sensitive-preview" data-revealed={props.revealed ? 'true' : 'false'}>
      <div className="sensitive-frame">
        <img
          src={props.src}
          alt={props.revealed ? t('preview.altRevealed', { name: props.name }) : t('preview.altHidden', { name: props.name })}
          className={props.revealed ? 'sensitive-img is-revealed' : 'sensitive-img is-hidden'}
          draggable={false}
          decoding="async"
        />
      </div>
      <figcaption id={`${id}-cap`} className="sensitive-caption">
        <button
          type="button"
          className="button button-secondary button-small"
          aria-label={`${props.revealed ? t('preview.hide') : t('preview.reveal')}: ${props.name}`}
          onClick={props.revealed ? props.onHide : props.onReveal}
        >
          {props.revealed ? t('preview.hide') : t('preview.reveal')}
        </button>
      </figcaption>
    </figure>
  );
}

/** The wellness note and the count of previews revealed in this session. */
export function RevealCounter() {
  const { t } = useI18n();
  const n = useRevealCount();
  return (
    <p className="reveal-counter" role="status" aria-live="polite" data-testid="reveal-counter">
      {t('preview.counter', { count: n })}
    </p>
  );
}
