import { useCallback, useEffect, useId, useState } from 'react';
import * as api from '../../api/client';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { Link } from '../../app/router';
import { resetAccessReason, useAccessReason } from '../../app/purpose';
import { CopyButton, ErrorAlert, Spinner } from '../../components/ui';
import { sourceLabel, textLangLabel, formatNumber } from '../../analysis/labels';
import { AnalysedText, Breakdown, EntityTable, HiddenCharactersWarning, IndicatorList, SafeText, ScoreMeter } from '../../analysis/views';
import { lastListSearch } from './filters';
import { PurposeForm, PurposeSummary, useNeedsPurpose } from './PurposeForm';

/**
 * The analysed string of an item: the title, a blank line, then the text (docs/ITEMS.md, "Spans"); every span
 * indexes it. A span that does not match this string is not highlighted (and counted), never misplaced.
 */
function analysedString(item: api.Item): { source: string; titleEnd: number | null; textStart: number } {
  if (!item.title) return { source: item.text, titleEnd: null, textStart: 0 };
  return { source: `${item.title}\n\n${item.text}`, titleEnd: item.title.length, textStart: item.title.length + 2 };
}

const MAX_VERSIONS = 20;

function Versions({ item }: { item: api.Item }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const id = useId();
  const reason = useAccessReason();
  const [chain, setChain] = useState<api.Item[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = async () => {
    setBusy(true);
    setError(null);
    const found: api.Item[] = [];
    try {
      let next = item.previousId;
      while (next && found.length < MAX_VERSIONS) {
        const v = await api.getItem(next, reason);
        found.push(v);
        next = v.previousId;
      }
    } catch (err) {
      setError(err);
    } finally {
      setChain(found);
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-t`} data-testid="versions">
      <h2 id={`${id}-t`}>{t('item.versions')}</h2>
      {!item.previousId ? (
        <p>{t('item.versions.first')}</p>
      ) : (
        <>
          <p>{t('item.versions.intro')}</p>
          <p>
            <Link to={`/items/${item.previousId}`} data-testid="previous-version">
              {t('item.versions.previous')}
            </Link>
          </p>
          <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
          {chain === null ? (
            <>
              <p className="hint" id={`${id}-hint`}>
                {t('item.versions.loadHint')}
              </p>
              <button type="button" className="button button-secondary button-small" disabled={busy} aria-describedby={`${id}-hint`} onClick={() => void load()}>
                {busy ? t('app.loading') : t('item.versions.load')}
              </button>
            </>
          ) : (
            <>
              <ol className="version-list" aria-label={t('item.versions.listLabel')}>
                {chain.map((v) => (
                  <li key={v.id}>
                    <Link to={`/items/${v.id}`}>{t('item.versions.entry', { date: formatDateTime(v.capturedAt) })}</Link>
                    {v.riskScore !== null ? (
                      <>
                        {' '}
                        <ScoreMeter score={v.riskScore} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ol>
              {chain.at(-1)?.previousId ? <p className="hint">{t('item.versions.more')}</p> : null}
            </>
          )}
        </>
      )}
    </section>
  );
}

function Metadata({ item }: { item: api.Item }) {
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const none = <span className="muted">{t('item.meta.none')}</span>;
  const text = (v: string | null | undefined) => (v ? <SafeText text={v} /> : none);
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('item.meta')}</h2>
      <dl className="details meta-list" data-testid="item-meta">
        <dt>{t('item.meta.source')}</dt>
        <dd>{sourceLabel(t, item.source)}</dd>
        <dt>{t('item.meta.site')}</dt>
        <dd className="untrusted-cell">{text(item.site)}</dd>
        <dt>{t('item.meta.url')}</dt>
        <dd>
          {item.url ? (
            <>
              {/* Never a link and never loaded: these may be harmful sites. */}
              <code className="url-text" data-testid="item-url">
                <SafeText text={item.url} />
              </code>{' '}
              <CopyButton value={item.url} label={t('item.meta.copyUrl')} />
              <p className="hint">{t('item.meta.urlNote')}</p>
            </>
          ) : (
            <span className="muted">{t('item.meta.noUrl')}</span>
          )}
        </dd>
        <dt>{t('item.meta.posted')}</dt>
        <dd>{item.postedAt ? formatDateTime(item.postedAt) : none}</dd>
        <dt>{t('item.meta.captured')}</dt>
        <dd>{formatDateTime(item.capturedAt)}</dd>
        <dt>{t('item.meta.location')}</dt>
        <dd className="untrusted-cell">{text(item.locationText)}</dd>
        <dt>{t('item.meta.price')}</dt>
        <dd className="untrusted-cell">{text(item.priceText)}</dd>
        <dt>{t('item.meta.region')}</dt>
        <dd>{item.region ?? none}</dd>
        <dt>{t('item.meta.media')}</dt>
        <dd>
          {item.mediaRefs.length > 0 ? (
            <>
              <ul className="plain-list" data-testid="media-refs">
                {item.mediaRefs.map((m, i) => (
                  <li key={i}>
                    <code className="url-text">
                      <SafeText text={m} />
                    </code>
                  </li>
                ))}
              </ul>
              <p className="hint">{t('item.meta.mediaNote')}</p>
            </>
          ) : (
            none
          )}
        </dd>
        <dt>{t('item.meta.rawCapture')}</dt>
        <dd className="untrusted-cell">{item.rawCaptureRef ? <code className="url-text"><SafeText text={item.rawCaptureRef} /></code> : none}</dd>
        <dt>{t('item.meta.hash')}</dt>
        <dd>
          <code className="hash">{item.contentHash}</code>
        </dd>
        <dt>{t('item.meta.ingestedBy')}</dt>
        <dd>
          <code className="hash">{item.ingestedBy}</code>
        </dd>
        <dt>{t('item.meta.analysis')}</dt>
        <dd>
          {item.analysis ? (
            <code className="hash">{t('item.meta.analysisValue', { version: item.analysis.version, date: formatDateTime(item.analysedAt) })}</code>
          ) : (
            none
          )}
        </dd>
        <dt>{t('item.meta.id')}</dt>
        <dd>
          <code className="hash">{item.id}</code>
        </dd>
      </dl>
    </section>
  );
}

export function ItemDetail({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const needsPurpose = useNeedsPurpose();
  const reason = useAccessReason();
  const [item, setItem] = useState<api.Item | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [token, setToken] = useState(0);
  const blocked = needsPurpose && !reason;
  const reload = useCallback(() => setToken((n) => n + 1), []);

  useEffect(() => {
    if (blocked) return;
    let live = true;
    setLoading(true);
    setError(null);
    api.getItem(id, reason).then(
      (it) => {
        if (!live) return;
        setItem(it);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setLoading(false);
        if (err instanceof api.ApiError && err.code === 'item.purpose_required') resetAccessReason();
        setError(err);
      },
    );
    return () => {
      live = false;
    };
    // The purpose is read when the item is loaded; changing it later applies to the next read.
  }, [id, blocked, token]); // eslint-disable-line react-hooks/exhaustive-deps

  const back = (
    <p>
      <Link to={`/items${lastListSearch()}`}>← {t('item.back')}</Link>
    </p>
  );

  if (blocked) {
    return (
      <div className="stack">
        {back}
        <PurposeForm />
      </div>
    );
  }
  if (error) {
    const notFound = error instanceof api.ApiError && error.status === 404;
    return (
      <div className="stack">
        {back}
        <ErrorAlert message={notFound ? t('item.notFound') : errorMessage(error, i18n)} />
        {!notFound ? (
          <button type="button" className="button" onClick={reload}>
            {t('common.retry')}
          </button>
        ) : null}
      </div>
    );
  }
  if (!item) return <Spinner />;

  const a = item.analysis;
  const { source, titleEnd, textStart } = analysedString(item);
  const refPrefix = `ind-${item.id.slice(0, 8)}`;
  const confidence = a?.details.languageConfidence;

  return (
    <div className="stack item-page" data-testid="item-page">
      {back}
      {needsPurpose ? <PurposeSummary /> : null}
      <section className="card item-summary" aria-label={t('analysis.score')}>
        <dl className="summary-facts">
          <div>
            <dt>{t('analysis.score')}</dt>
            <dd>{item.riskScore !== null ? <ScoreMeter score={item.riskScore} large /> : <span className="badge badge-muted">{t('items.notAnalysed')}</span>}</dd>
          </div>
          <div>
            <dt>{t('analysis.language')}</dt>
            <dd>
              {item.language
                ? confidence !== null && confidence !== undefined
                  ? t('analysis.languageConfidence', { lang: textLangLabel(t, item.language), confidence: formatNumber(lang, confidence) })
                  : textLangLabel(t, item.language)
                : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('item.meta.site')}</dt>
            <dd className="untrusted-cell">{item.site ? <SafeText text={item.site} /> : '—'}</dd>
          </div>
          <div>
            <dt>{t('item.meta.captured')}</dt>
            <dd>{i18n.formatDateTime(item.capturedAt)}</dd>
          </div>
        </dl>
        <p className="hint">{t('analysis.scoreNote')}</p>
      </section>

      {!a ? (
        <div className="callout callout-info" role="status">
          <p>{t('item.notAnalysed')}</p>
          <button type="button" className="button button-secondary button-small" onClick={reload} disabled={loading}>
            {t('item.reload')}
          </button>
        </div>
      ) : null}
      {a ? <HiddenCharactersWarning hidden={a.details.hiddenCharacters} /> : null}

      <section className="card" aria-labelledby="item-content-title">
        <h2 id="item-content-title">{t('item.content')}</h2>
        <AnalysedText
          source={source}
          titleEnd={titleEnd}
          textStart={textStart}
          indicators={a?.indicators ?? []}
          entities={a?.entities ?? []}
          hidden={a?.details.hiddenCharacters ?? null}
          truncated={a?.details.truncated ?? false}
          refPrefix={refPrefix}
          labels={{ title: t('item.titleLabel'), text: t('item.textLabel'), noTitle: t('item.noTitle'), noText: t('item.noText') }}
        />
      </section>

      {a ? (
        <>
          <IndicatorList indicators={a.indicators} refPrefix={refPrefix} linkToItems />
          {item.riskScore !== null ? <Breakdown breakdown={a.details.breakdown} indicators={a.indicators} score={item.riskScore} configVersion={a.details.configVersion} /> : null}
          <EntityTable entities={a.entities} linkToItems />
        </>
      ) : null}
      <Versions item={item} />
      <Metadata item={item} />
    </div>
  );
}
