import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { isMessageKey, useI18n, type MessageKey } from '../i18n';
import { useMsg, type Msg } from '../i18n/msg';
import { errorMessage } from '../i18n/errors';
import { lineReason, type RefusedLine } from '../i18n/lineReasons';
import * as api from '../api/client';
import { recordReveal } from '../app/reveals';
import { ErrorAlert } from '../components/ui';
import { RevealCounter, SensitivePreview } from '../components/SensitivePreview';

type Mode = 'images' | 'hashes';

interface Selected {
  key: string;
  file: File;
  url: string;
}

interface Run {
  results: api.MatchResult[];
  /** For image runs: the selected file behind each result, in order (its object URL gives the preview). */
  previews: (Selected | null)[];
  /** For hash runs: the line of the text box behind each result. */
  lines: number[];
  threshold: number;
}

const STATUS_LABEL: Record<api.MatchStatus, MessageKey> = {
  matched: 'match.status.matched',
  no_match: 'match.status.no_match',
  low_quality: 'match.status.low_quality',
};
const STATUS_CLASS: Record<api.MatchStatus, string> = {
  matched: 'badge badge-alert',
  no_match: 'badge badge-muted',
  low_quality: 'badge badge-warn',
};
/** The server's minimum PDQ quality for matching; the response says it with each low-quality result. */
const MIN_QUALITY = 50;

let selectionCounter = 0;

function HashValue({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="hash-row">
        <code className="hash">{value}</code>
      </dd>
    </>
  );
}

function ResultCard({ index, result, preview, line, threshold, revealed, onReveal, onHide }: {
  index: number;
  result: api.MatchResult;
  preview: Selected | null;
  line: number | null;
  threshold: number;
  revealed: boolean;
  onReveal: () => void;
  onHide: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const f = result.file;
  const title = f ? t('match.result.fileTitle', { n: index + 1, name: f.file }) : t('match.result.hashTitle', { n: index + 1, line: line ?? index + 1 });
  const lowQualityPdq = f !== undefined && f.quality < (result.minQuality ?? MIN_QUALITY);
  return (
    <li className="card result-card" aria-labelledby={`${id}-title`} data-testid="match-result" data-status={result.status}>
      <div className="result-head">
        <h3 id={`${id}-title`}>{title}</h3>
        <span className={STATUS_CLASS[result.status]} data-testid="match-status">
          {t(STATUS_LABEL[result.status])}
        </span>
      </div>
      <div className={preview ? 'result-body with-preview' : 'result-body'}>
        {preview ? <SensitivePreview src={preview.url} name={preview.file.name} revealed={revealed} onReveal={onReveal} onHide={onHide} /> : null}
        <div className="result-data">
          <dl className="details">
            {f ? (
              <>
                <HashValue label="PDQ" value={f.pdq} />
                <dt>{t('match.quality')}</dt>
                <dd>
                  <span data-testid="match-quality">{f.quality}</span> <span className="muted">/ 100</span>
                </dd>
                <HashValue label="MD5" value={f.md5} />
                <HashValue label="SHA-256" value={f.sha256} />
                <dt>{t('match.size')}</dt>
                <dd>{t('match.pixels', { width: f.width, height: f.height })}</dd>
              </>
            ) : (
              <>
                <dt>{t('entries.type')}</dt>
                <dd>{(result.type ?? 'pdq').toUpperCase()}</dd>
                {result.hash ? <HashValue label={t('entries.hash')} value={result.hash} /> : null}
              </>
            )}
          </dl>
          {result.status === 'low_quality' ? (
            <div className="callout callout-warn" data-testid="low-quality">
              <p>{t('match.lowQuality.title', { quality: result.quality ?? f?.quality ?? 0, min: result.minQuality ?? MIN_QUALITY })}</p>
              <p>{t('match.lowQuality.body')}</p>
            </div>
          ) : null}
          {result.status !== 'low_quality' && lowQualityPdq ? <p className="hint">{t('match.lowQuality.exactOnly', { min: result.minQuality ?? MIN_QUALITY })}</p> : null}
          {result.status === 'no_match' ? <p className="muted">{t('match.noMatchBody', { threshold })}</p> : null}
          {result.matches.length > 0 ? (
            <div className="table-wrap">
              <table className="data-table responsive-table" data-testid="match-hits">
                <caption className="table-caption">{t('match.hits.caption', { count: result.matches.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('match.hits.bank')}</th>
                    <th scope="col">{t('entries.type')}</th>
                    <th scope="col">{t('banks.category')}</th>
                    <th scope="col">{t('match.hits.distance')}</th>
                    <th scope="col">{t('match.hits.variant')}</th>
                    <th scope="col">{t('match.hits.entry')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.matches.map((m) => (
                    <tr key={`${m.bankId}:${m.entryId}:${m.variant ?? ''}`}>
                      <td data-label={t('match.hits.bank')} className="cell-strong">
                        {m.bank}
                      </td>
                      <td data-label={t('entries.type')}>{m.signalType.toUpperCase()}</td>
                      <td data-label={t('banks.category')}>{m.category ?? '—'}</td>
                      <td data-label={t('match.hits.distance')} className="num" data-testid="hit-distance">
                        {m.signalType === 'pdq' ? t('match.hits.distanceOf', { distance: m.distance }) : t('match.hits.exact')}
                      </td>
                      <td data-label={t('match.hits.variant')}>{m.variant && m.variant !== 'original' ? m.variant : '—'}</td>
                      <td data-label={t('match.hits.entry')}>
                        <code className="small">{m.entryId}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {result.truncated ? <p className="hint">{t('match.truncated')}</p> : null}
            </div>
          ) : null}
        </div>
      </div>
    </li>
  );
}

export function MatchTester() {
  const i18n = useI18n();
  const { t } = i18n;
  const msg = useMsg();
  const id = useId();
  const [mode, setMode] = useState<Mode>('images');
  const [selected, setSelected] = useState<Selected[]>([]);
  const [hashText, setHashText] = useState('');
  const [threshold, setThreshold] = useState(String(api.DEFAULT_THRESHOLD));
  const [dihedral, setDihedral] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<api.UploadProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<Msg | null>(null);
  const [lineErrors, setLineErrors] = useState<({ line: number } & RefusedLine)[]>([]);
  const [fileErrors, setFileErrors] = useState<{ name: string; code: string | null }[]>([]);
  const [run, setRun] = useState<Run | null>(null);
  const [revealedKey, setRevealedKey] = useState<string | null>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  // Object URLs live as long as their selection: revoked when it is replaced and when the page is left.
  const urlsRef = useRef<string[]>([]);
  useEffect(
    () => () => {
      for (const u of urlsRef.current) URL.revokeObjectURL(u);
      urlsRef.current = [];
    },
    [],
  );
  const replaceSelection = (files: File[]) => {
    for (const u of urlsRef.current) URL.revokeObjectURL(u);
    const next = files.map((file) => ({ key: `s${++selectionCounter}`, file, url: URL.createObjectURL(file) }));
    urlsRef.current = next.map((s) => s.url);
    setSelected(next);
    setRun(null);
    setRevealedKey(null);
  };

  useEffect(() => {
    if (run) resultsRef.current?.focus();
  }, [run]);

  const thresholdNumber = Number(threshold);
  const thresholdValid = /^\d{1,2}$/.test(threshold.trim()) && thresholdNumber >= 0 && thresholdNumber <= api.MAX_THRESHOLD;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    setLineErrors([]);
    setFileErrors([]);
    if (!thresholdValid) {
      setLocalError({ key: 'error.match.invalid_threshold' });
      return;
    }
    const opts = { threshold: thresholdNumber, dihedral };
    if (mode === 'images') {
      if (selected.length === 0) {
        setLocalError({ key: 'match.noFiles' });
        fileRef.current?.focus();
        return;
      }
      setLocalError(null);
      setBusy(true);
      setRevealedKey(null);
      setProgress({ loaded: 0, total: 0 });
      try {
        const files = selected.map((s) => s.file);
        const results = await api.matchFiles(files, { ...opts, onProgress: setProgress });
        setRun({ results, previews: results.map((_, i) => selected[i] ?? null), lines: [], threshold: thresholdNumber });
      } catch (err) {
        setRun(null);
        setError(err);
        // One bad file refuses the batch; the problem lists every bad file as `files[i] name` with its media code.
        setFileErrors(
          api.problemErrors(err).map((x) => ({
            name: x.path.replace(/^files\[\d+\]\s*/, ''),
            code: /^(media\.[a-z_]+):/.exec(x.message)?.[1] ?? null,
          })),
        );
      } finally {
        setBusy(false);
        setProgress(null);
      }
      return;
    }

    const lines = hashText.split(/\r?\n/).map((text, i) => ({ text: text.trim(), line: i + 1 })).filter((l) => l.text !== '' && !l.text.startsWith('#'));
    if (lines.length === 0) {
      setLocalError({ key: 'match.noHashes' });
      return;
    }
    if (lines.length > api.MAX_HASHES_PER_REQUEST) {
      setLocalError({ key: 'match.tooManyHashes', vars: { max: api.MAX_HASHES_PER_REQUEST } });
      return;
    }
    setLocalError(null);
    setBusy(true);
    try {
      const results = await api.matchHashes(
        lines.map((l) => l.text),
        opts,
      );
      setRun({ results, previews: [], lines: lines.map((l) => l.line), threshold: thresholdNumber });
    } catch (err) {
      setRun(null);
      setError(err);
      // A malformed hash is named by its position in the batch: turn it back into the line of the text box.
      const errs = api.problemErrors(err)
        .map((x) => {
          const m = /^body\.hashes\.(\d+)\.hash$/.exec(x.path);
          const line = m ? lines[Number(m[1])]?.line : undefined;
          return line === undefined ? null : { line, code: x.code ?? '', params: x.params ?? {}, reason: x.message };
        })
        .filter((x) => x !== null);
      setLineErrors(errs);
    } finally {
      setBusy(false);
    }
  };

  const pct = progress && progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : null;
  const uploaded = pct === 100;
  const matched = run ? run.results.filter((r) => r.status === 'matched').length : 0;

  return (
    <div className="stack">
      <p className="muted">{t('match.intro')}</p>
      <aside className="callout callout-info wellness" aria-labelledby={`${id}-wellness`}>
        <h2 id={`${id}-wellness`}>{t('preview.wellnessTitle')}</h2>
        <p>{t('preview.wellnessBody')}</p>
        <RevealCounter />
      </aside>

      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('match.formTitle')}</h2>
        <ErrorAlert message={error ? errorMessage(error, i18n) : msg(localError)} />
        {lineErrors.length > 0 ? (
          <ul className="line-errors" data-testid="hash-errors">
            {lineErrors.map((l) => (
              <li key={l.line}>
                <span className="line-no">{t('banks.import.line', { line: l.line })}</span> {lineReason(l, t) ?? <span lang="en">{l.reason}</span>}
              </li>
            ))}
          </ul>
        ) : null}
        {fileErrors.length > 0 ? (
          <ul className="line-errors" data-testid="file-errors">
            {fileErrors.map((f, i) => {
              const key = f.code ? `error.${f.code}` : '';
              return (
                <li key={`${i}:${f.name}`}>
                  <span className="line-no">{f.name}:</span> {isMessageKey(key) ? t(key) : t('error.validation')}
                </li>
              );
            })}
          </ul>
        ) : null}
        <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
          <fieldset className="fieldset">
            <legend>{t('match.mode')}</legend>
            <div className="radio-row">
              <div className="checkbox-item">
                <input id={`${id}-mode-images`} type="radio" name={`${id}-mode`} value="images" checked={mode === 'images'} onChange={() => setMode('images')} />
                <label htmlFor={`${id}-mode-images`}>{t('match.mode.images')}</label>
              </div>
              <div className="checkbox-item">
                <input id={`${id}-mode-hashes`} type="radio" name={`${id}-mode`} value="hashes" checked={mode === 'hashes'} onChange={() => setMode('hashes')} />
                <label htmlFor={`${id}-mode-hashes`}>{t('match.mode.hashes')}</label>
              </div>
            </div>
          </fieldset>

          {mode === 'images' ? (
            <div className="field">
              <label htmlFor={`${id}-files`}>{t('match.files')}</label>
              <p className="hint" id={`${id}-files-hint`}>
                {t('match.filesHint')}
              </p>
              <input
                ref={fileRef}
                id={`${id}-files`}
                type="file"
                multiple
                accept="image/*"
                aria-describedby={`${id}-files-hint`}
                onChange={(e) => replaceSelection(Array.from(e.target.files ?? []))}
              />
              {selected.length > 0 ? (
                <ul className="file-list" aria-label={t('match.selected', { count: selected.length })}>
                  {selected.map((s) => (
                    <li key={s.key}>{s.file.name}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-hashes`}>{t('match.hashes')}</label>
              <p className="hint" id={`${id}-hashes-hint`}>
                {t('match.hashesHint', { max: api.MAX_HASHES_PER_REQUEST })}
              </p>
              <textarea
                id={`${id}-hashes`}
                className="mono"
                rows={5}
                spellCheck={false}
                autoCapitalize="none"
                aria-describedby={`${id}-hashes-hint`}
                aria-invalid={lineErrors.length > 0 || undefined}
                value={hashText}
                onChange={(e) => setHashText(e.target.value)}
              />
            </div>
          )}

          <fieldset className="fieldset">
            <legend>{t('match.options')}</legend>
            <div className="stack">
              <div className="field">
                <label htmlFor={`${id}-threshold`}>{t('match.threshold')}</label>
                <p className="hint" id={`${id}-threshold-hint`}>
                  {t('match.thresholdHint', { def: api.DEFAULT_THRESHOLD, max: api.MAX_THRESHOLD })}
                </p>
                <input
                  id={`${id}-threshold`}
                  className="input-number"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={api.MAX_THRESHOLD}
                  step={1}
                  aria-describedby={`${id}-threshold-hint`}
                  aria-invalid={!thresholdValid || undefined}
                  value={threshold}
                  onChange={(e) => setThreshold(e.target.value)}
                />
              </div>
              <div className="checkbox-item">
                <input id={`${id}-dihedral`} type="checkbox" checked={dihedral} onChange={(e) => setDihedral(e.target.checked)} />
                <label htmlFor={`${id}-dihedral`}>
                  {t('match.dihedral')}
                  <span className="checkbox-desc"> — {t('match.dihedralHint')}</span>
                </label>
              </div>
            </div>
          </fieldset>

          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('match.running') : t('match.submit')}
          </button>
          {busy && mode === 'images' ? (
            <div className="progress-row">
              <label htmlFor={`${id}-progress`}>{pct === null || uploaded ? t('match.processing') : t('banks.import.uploading', { pct })}</label>
              {pct !== null && !uploaded ? <progress id={`${id}-progress`} max={100} value={pct} /> : <progress id={`${id}-progress`} />}
            </div>
          ) : null}
        </form>
      </section>

      {run ? (
        <section aria-labelledby={`${id}-results`}>
          <h2 id={`${id}-results`} ref={resultsRef} tabIndex={-1} className="focus-target">
            {t('match.results')}
          </h2>
          <p data-testid="match-summary">{t('match.summary', { count: run.results.length, matched, threshold: run.threshold })}</p>
          <ol className="result-list">
            {run.results.map((r, i) => {
              const preview = run.previews[i] ?? null;
              return (
                <ResultCard
                  key={preview?.key ?? `h${i}`}
                  index={i}
                  result={r}
                  preview={preview}
                  line={run.lines[i] ?? null}
                  threshold={run.threshold}
                  revealed={preview !== null && revealedKey === preview.key}
                  onReveal={() => {
                    if (!preview) return;
                    // One at a time: revealing this one blurs any other again.
                    setRevealedKey(preview.key);
                    recordReveal();
                  }}
                  onHide={() => setRevealedKey(null)}
                />
              );
            })}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
