import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import * as api from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { ErrorAlert } from '../../components/ui';
import { formatNumber, textLangLabel } from '../../analysis/labels';
import { AnalysedText, Breakdown, EntityTable, HiddenCharactersWarning, IndicatorList, ScoreMeter, toItemEntities } from '../../analysis/views';

/** Characters the analysis reads (core's TEXT_MAX_CHARS); longer texts are cut by the server. */
const ANALYSED_CHARS = 20_000;
const LANG_CHOICES = ['', 'es', 'en', 'pt'] as const;

/** Paste a text, get the same highlighted view and breakdown as a stored item (POST /analyze; nothing stored). */
export function AnalyzeText() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const [text, setText] = useState('');
  const [language, setLanguage] = useState<(typeof LANG_CHOICES)[number]>('');
  const [region, setRegion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<{ key: MessageKey; field: 'text' | 'region' } | null>(null);
  const [result, setResult] = useState<{ text: string; score: api.ScoreResult } | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const regionRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [focusResult, setFocusResult] = useState(false);

  useEffect(() => {
    if (focusResult && result) {
      resultRef.current?.focus();
      setFocusResult(false);
    }
  }, [focusResult, result]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    const r = region.trim().toUpperCase();
    if (!text.trim()) {
      setLocalError({ key: 'analyze.missing', field: 'text' });
      textRef.current?.focus();
      return;
    }
    if (r && !/^[A-Z]{2}$/.test(r)) {
      setLocalError({ key: 'analyze.badRegion', field: 'region' });
      regionRef.current?.focus();
      return;
    }
    setLocalError(null);
    setBusy(true);
    try {
      const score = await api.analyzeText({ text, ...(language ? { language } : {}), ...(r ? { region: r } : {}) });
      setResult({ text, score });
      setFocusResult(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const nf = new Intl.NumberFormat(lang === 'es' ? 'es' : 'en-GB');
  const s = result?.score;
  return (
    <div className="stack">
      <p className="muted">{t('analyze.intro')}</p>
      <section className="card" aria-labelledby={`${id}-t`}>
        <h2 id={`${id}-t`}>{t('analyze.formTitle')}</h2>
        <ErrorAlert message={error ? errorMessage(error, i18n) : localError ? t(localError.key) : null} />
        <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('analyze.text')}</label>
            <p className="hint" id={`${id}-text-hint`}>
              {t('analyze.textHint')}
            </p>
            <textarea
              ref={textRef}
              id={`${id}-text`}
              rows={8}
              className="analyze-input"
              dir="auto"
              spellCheck={false}
              aria-describedby={`${id}-text-hint`}
              aria-invalid={localError?.field === 'text' || undefined}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            {text.length > ANALYSED_CHARS ? <p className="hint">{t('analyze.tooLong', { count: nf.format(text.length) })}</p> : null}
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-lang`}>{t('analyze.language')}</label>
              <select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.target.value as (typeof LANG_CHOICES)[number])}>
                {LANG_CHOICES.map((l) => (
                  <option key={l} value={l}>
                    {l ? textLangLabel(t, l) : t('analyze.lang.auto')}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-region`}>
                {t('analyze.region')} <span className="muted">{t('common.optional')}</span>
              </label>
              <input
                ref={regionRef}
                id={`${id}-region`}
                type="text"
                className="input-short"
                maxLength={2}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={`${id}-region-hint`}
                aria-invalid={localError?.field === 'region' || undefined}
                value={region}
                onChange={(e) => setRegion(e.target.value.toUpperCase())}
              />
            </div>
          </div>
          <p className="hint" id={`${id}-region-hint`}>
            {t('analyze.regionHint')}
          </p>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('analyze.running') : t('analyze.submit')}
          </button>
        </form>
      </section>

      {result && s ? (
        <section aria-labelledby={`${id}-r`} className="stack" data-testid="analyze-result">
          <h2 id={`${id}-r`} ref={resultRef} tabIndex={-1} className="focus-target">
            {t('analyze.result')}
          </h2>
          <section className="card item-summary" aria-label={t('analysis.score')}>
            <dl className="summary-facts">
              <div>
                <dt>{t('analysis.score')}</dt>
                <dd>
                  <ScoreMeter score={s.score} large />
                </dd>
              </div>
              <div>
                <dt>{t('analysis.language')}</dt>
                <dd data-testid="analyze-language">
                  {s.languageConfidence !== undefined
                    ? t('analysis.languageConfidence', { lang: textLangLabel(t, s.language), confidence: formatNumber(lang, s.languageConfidence) })
                    : textLangLabel(t, s.language)}
                </dd>
              </div>
            </dl>
            <p className="hint">{t('analysis.scoreNote')}</p>
          </section>
          <HiddenCharactersWarning hidden={s.hiddenCharacters} />
          <section className="card" aria-labelledby={`${id}-text-t`}>
            <h2 id={`${id}-text-t`}>{t('analyze.text')}</h2>
            <AnalysedText
              source={result.text}
              titleEnd={null}
              textStart={0}
              indicators={s.indicators}
              entities={s.entities}
              hidden={s.hiddenCharacters}
              truncated={s.truncated}
              refPrefix="ind-analyze"
            />
          </section>
          <IndicatorList indicators={s.indicators} refPrefix="ind-analyze" linkToItems />
          <Breakdown breakdown={s.breakdown} indicators={s.indicators} score={s.score} configVersion={s.configVersion} />
          <EntityTable entities={toItemEntities(s.entities)} linkToItems />
        </section>
      ) : null}
    </div>
  );
}
