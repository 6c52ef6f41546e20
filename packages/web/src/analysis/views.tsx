import { Fragment, useId, useMemo, useState, type ReactNode } from 'react';
import * as api from '../api/client';
import { useI18n } from '../i18n';
import { Link } from '../app/router';
import { itemsLink } from '../pages/items/filters';
import { placeMarks, safeCut, segment, splitHidden, type Mark } from './highlight';
import { categoryLabel, entityTypeLabel, evidenceLabel, featureLabel, formatNumber, formatSigned, indicatorLabel, type Label } from './labels';

// Views shared by the item page and the "analyse a text" page. Untrusted text (titles, ad texts, matched
// spans, entity values) is only ever rendered as React text: never as HTML, never as a link, never loaded.

/** A translated label, marked as English when it is the server's fallback. */
export function LabelText({ label }: { label: Label }) {
  return label.lang ? <span lang={label.lang}>{label.text}</span> : <>{label.text}</>;
}

/**
 * Untrusted text as text, with every invisible or direction-changing character replaced by a visible marker
 * (so a right-to-left override cannot reorder what the reviewer reads, and hidden characters can be seen).
 */
export function SafeText({ text, before, after }: { text: string; before?: string; after?: string }) {
  const { t } = useI18n();
  const pieces = splitHidden(text, before, after);
  return (
    <>
      {pieces.map((p, i) =>
        typeof p === 'string' ? (
          <Fragment key={i}>{p}</Fragment>
        ) : (
          <span key={i} className="hidden-char" title={t('analysis.hidden.marker', { code: p.code })} data-testid="hidden-char">
            {p.name}
          </span>
        ),
      )}
    </>
  );
}

/** Shortens untrusted text for lists (by code points, never inside a surrogate pair). */
export function shorten(text: string, max: number): string {
  const cps = Array.from(text);
  return cps.length <= max ? text : `${cps.slice(0, max).join('')}…`;
}

function scoreBand(score: number): 'low' | 'mid' | 'high' {
  return score >= 0.7 ? 'high' : score >= 0.4 ? 'mid' : 'low';
}

/** The risk score as a bar (a native <meter>, no inline style) and a number. */
export function ScoreMeter({ score, large }: { score: number; large?: boolean }) {
  const { t, lang } = useI18n();
  const shown = formatNumber(lang, score);
  return (
    <span className={large ? 'score score-large' : 'score'} data-testid="score">
      <meter className={`score-meter score-${scoreBand(score)}`} min={0} max={1} low={0.4} high={0.7} optimum={0} value={score} aria-label={t('items.scoreOf', { score: shown })} />
      <span className="score-number num" aria-hidden="true">
        {shown}
      </span>
    </span>
  );
}

export function HiddenCharactersWarning({ hidden }: { hidden: api.HiddenCharacters }) {
  const { t } = useI18n();
  const id = useId();
  if (!hidden.present && hidden.zeroWidth + hidden.bidi + hidden.otherInvisible + hidden.homoglyphs === 0) return null;
  const counts: string[] = [];
  if (hidden.zeroWidth) counts.push(t('analysis.hidden.zeroWidth', { count: hidden.zeroWidth }));
  if (hidden.bidi) counts.push(t('analysis.hidden.bidi', { count: hidden.bidi }));
  if (hidden.otherInvisible) counts.push(t('analysis.hidden.other', { count: hidden.otherInvisible }));
  if (hidden.homoglyphs) counts.push(t('analysis.hidden.homoglyphs', { count: hidden.homoglyphs }));
  return (
    <section className="callout callout-warn" aria-labelledby={`${id}-t`} data-testid="hidden-warning">
      <h2 id={`${id}-t`}>{t('analysis.hidden.title')}</h2>
      <p>{t('analysis.hidden.body')}</p>
      <ul>
        {counts.map((c) => (
          <li key={c}>{c}</li>
        ))}
        {hidden.reversed ? <li>{t('analysis.hidden.reversed')}</li> : null}
      </ul>
    </section>
  );
}

/** Characters of text shown before "show the whole text" (the analysis reads 20,000 at most anyway). */
export const SHOWN_CHARS = 20_000;

interface HighlightProps {
  /** The analysed string that the spans index. */
  source: string;
  from: number;
  to: number;
  marks: readonly Mark[];
  /** Prefix of the ids of the indicator explanations (`${prefix}-${n}`). */
  refPrefix: string;
}

/** A part of the analysed string with indicators, entities and look-alike letters marked in place. */
export function HighlightedText({ source, from, to, marks, refPrefix }: HighlightProps) {
  const { t } = useI18n();
  const segs = useMemo(() => segment(from, to, marks), [from, to, marks]);
  return (
    <>
      {segs.map((s) => {
        const text = source.slice(s.start, s.end);
        let node: ReactNode = <SafeText text={text} before={source.slice(Math.max(0, s.start - 2), s.start)} after={source.slice(s.end, s.end + 2)} />;
        const homoglyph = s.marks.some((m) => m.kind === 'homoglyph');
        const entity = s.marks.find((m) => m.kind === 'entity');
        const indicators = s.marks.filter((m) => m.kind === 'indicator');
        if (homoglyph)
          node = (
            <span className="hl-homoglyph" title={t('analysis.homoglyph')}>
              {node}
            </span>
          );
        if (entity)
          node = (
            <span className="hl-entity" data-entity={entity.ref}>
              {node}
            </span>
          );
        if (indicators.length > 0)
          node = (
            <mark className={`hl hl-${indicators[0]!.category ?? 'other'}${indicators.length > 1 ? ' hl-multi' : ''}`} data-indicator={indicators.map((m) => m.ref).join(' ')}>
              {node}
            </mark>
          );
        return (
          <Fragment key={s.start}>
            {node}
            {s.endingIndicators.map((n) => (
              <sup key={n} className="hl-ref">
                <a href={`#${refPrefix}-${n}`} aria-label={t('analysis.indicators') + ` ${n}`}>
                  {n}
                </a>
              </sup>
            ))}
          </Fragment>
        );
      })}
    </>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <div className="hl-legend">
      <span className="hl-legend-title">{t('analysis.legend')}:</span>
      <span>
        <mark className="hl hl-youth">abc</mark>
        <sup className="hl-ref">1</sup> {t('analysis.legend.indicator')}
      </span>
      <span>
        <span className="hl-entity">abc</span> {t('analysis.legend.entity')}
      </span>
      <span>
        <span className="hidden-char">ZWSP</span> {t('analysis.legend.hidden')}
      </span>
      <span>
        <span className="hl-homoglyph">а</span> {t('analysis.legend.homoglyph')}
      </span>
    </div>
  );
}

export interface AnalysedTextProps {
  /** The analysed string: for an item, title + blank line + text; for a pasted text, that text. */
  source: string;
  /** The title's extent ([0, titleEnd)), or null without a title. */
  titleEnd: number | null;
  /** Where the body text starts. */
  textStart: number;
  indicators: readonly api.ScoredIndicator[];
  entities: readonly { start: number; end: number; value: string }[];
  hidden: api.HiddenCharacters | null;
  truncated: boolean;
  refPrefix: string;
  /** Labels of the title and text blocks (item page); none for a pasted text. */
  labels?: { title: string; text: string; noTitle: string; noText: string };
}

/** The title and text with everything the analysis found marked in place, and a cut for very long texts. */
export function AnalysedText(props: AnalysedTextProps) {
  const { t, lang } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const { source, titleEnd, textStart, refPrefix, labels } = props;
  const placed = useMemo(
    () => placeMarks(source, { indicators: props.indicators, entities: props.entities, homoglyphSpans: props.hidden?.homoglyphSpans ?? [] }),
    [source, props.indicators, props.entities, props.hidden],
  );
  const textLength = source.length - textStart;
  const long = textLength > SHOWN_CHARS;
  const textEnd = long && !showAll ? safeCut(source, textStart + SHOWN_CHARS) : source.length;
  const nf = new Intl.NumberFormat(lang === 'es' ? 'es' : 'en-GB');

  return (
    <div className="analysed">
      <p className="hint">{t('analysis.untrusted')}</p>
      <Legend />
      {placed.misplaced > 0 ? <p className="hint">{t('analysis.misplaced', { count: placed.misplaced })}</p> : null}
      {labels ? (
        <>
          <h3 className="analysed-label">{labels.title}</h3>
          {titleEnd !== null && titleEnd > 0 ? (
            <p className="analysed-title untrusted-text" dir="auto" data-testid="item-title">
              <HighlightedText source={source} from={0} to={titleEnd} marks={placed.marks} refPrefix={refPrefix} />
            </p>
          ) : (
            <p className="muted">{labels.noTitle}</p>
          )}
          <h3 className="analysed-label">{labels.text}</h3>
        </>
      ) : null}
      {textLength > 0 ? (
        // Scrolls when long: focusable so that keyboard users can scroll it too.
        <div className="analysed-text untrusted-text" data-testid="item-text" role="region" tabIndex={0} aria-label={t('analysis.textRegion')}>
          <HighlightedText source={source} from={textStart} to={textEnd} marks={placed.marks} refPrefix={refPrefix} />
          {long && !showAll ? '…' : null}
        </div>
      ) : labels ? (
        <p className="muted">{labels.noText}</p>
      ) : null}
      {long ? (
        <div className="button-row analysed-more">
          {!showAll ? <p className="hint">{t('analysis.cutNote', { shown: nf.format(SHOWN_CHARS), count: nf.format(textLength) })}</p> : null}
          <button type="button" className="button button-secondary button-small" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
            {showAll ? t('analysis.showLess') : t('analysis.showAll', { count: nf.format(textLength) })}
          </button>
        </div>
      ) : null}
      {props.truncated ? <p className="hint">{t('analysis.truncated')}</p> : null}
    </div>
  );
}

/** Quoted matched texts, at most `max`, as untrusted text. */
function Matches({ spans, max = 5 }: { spans: readonly api.TextSpan[]; max?: number }) {
  const { t } = useI18n();
  const unique = [...new Set(spans.map((s) => s.text))];
  return (
    <>
      {unique.slice(0, max).map((text, i) => (
        <Fragment key={i}>
          {i > 0 ? ', ' : null}“<q className="match-text">
            <SafeText text={shorten(text, 80)} />
          </q>”
        </Fragment>
      ))}
      {unique.length > max ? ` ${t('analysis.indicator.more', { count: unique.length - max })}` : null}
    </>
  );
}

/** Every indicator found, numbered like the references in the text, with what it means and why it counts. */
export function IndicatorList({ indicators, refPrefix, linkToItems }: { indicators: readonly api.ScoredIndicator[]; refPrefix: string; linkToItems: boolean }) {
  const { t, lang } = useI18n();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('analysis.indicators')}</h2>
      {indicators.length === 0 ? <p>{t('analysis.noIndicators')}</p> : null}
      <ol className="indicator-list" data-testid="indicator-list">
        {indicators.map((ind, i) => {
          const n = i + 1;
          return (
            <li key={ind.id} id={`${refPrefix}-${n}`} tabIndex={-1} className={`indicator indicator-${ind.category}`} data-testid="indicator" data-indicator-id={ind.id}>
              <p className="indicator-head">
                <span className="indicator-no" aria-hidden="true">
                  {n}
                </span>
                <strong className="indicator-label">
                  <LabelText label={indicatorLabel(t, ind.id, ind.label)} />
                </strong>
              </p>
              <dl className="indicator-facts">
                <div>
                  <dt>{t('analysis.indicator.category')}</dt>
                  <dd>
                    <LabelText label={categoryLabel(t, ind.category)} />
                  </dd>
                </div>
                <div>
                  <dt>{t('analysis.indicator.evidence')}</dt>
                  <dd>
                    <LabelText label={evidenceLabel(t, ind.evidence)} />
                  </dd>
                </div>
                <div>
                  <dt>{t('analysis.indicator.weight')}</dt>
                  <dd className="num">{formatSigned(lang, ind.weight)}</dd>
                </div>
                <div className="indicator-matches">
                  <dt>{t('analysis.indicator.matches')}</dt>
                  <dd>
                    <Matches spans={ind.spans} />
                  </dd>
                </div>
              </dl>
              <p className="indicator-foot small">
                <code className="muted">{ind.id}</code>
                {linkToItems ? (
                  <>
                    {' · '}
                    <Link to={itemsLink({ indicator: ind.id, sort: 'score' })}>{t('analysis.indicator.allItems')}</Link>
                  </>
                ) : null}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const ATTRIBUTE_KEYS = ['platform', 'region', 'chain', 'network', 'format', 'kind', 'host', 'username', 'alsoValidFor'] as const;

function EntityDetails({ attributes }: { attributes: Record<string, unknown> }) {
  const { t } = useI18n();
  const parts: string[] = [];
  if (attributes['obfuscated'] === true) parts.push(t('entityAttr.obfuscated'));
  for (const k of ATTRIBUTE_KEYS) {
    const v = attributes[k];
    if (typeof v === 'string' && v) parts.push(t(`entityAttr.${k}`, { value: v }));
    else if (Array.isArray(v) && v.length > 0) parts.push(t(`entityAttr.${k}`, { value: v.map(String).join(', ') }));
  }
  return parts.length ? (
    <ul className="plain-list">
      {parts.map((p) => (
        <li key={p}>
          <SafeText text={p} />
        </li>
      ))}
    </ul>
  ) : (
    <span className="muted">—</span>
  );
}

/** Entities as found and normalised; each links to the list of all items that share it. */
/** Entity types that link items into networks (docs/NETWORKS.md). */
const LINKING_TYPES = ['phone', 'email', 'wallet', 'handle'];

export function EntityTable({ entities, linkToItems }: { entities: readonly api.ItemEntity[]; linkToItems: boolean }) {
  const { t } = useI18n();
  const id = useId();
  // The same entity can appear several times in one text: one row per normalised value.
  const rows = useMemo(() => {
    const seen = new Map<string, api.ItemEntity & { count: number }>();
    for (const e of entities) {
      const key = `${e.type}\u0000${e.normalized}`;
      const had = seen.get(key);
      if (had) had.count++;
      else seen.set(key, { ...e, count: 1 });
    }
    return [...seen.values()];
  }, [entities]);
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('analysis.entities')}</h2>
      {rows.length === 0 ? (
        <p>{t('analysis.noEntities')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table responsive-table" data-testid="entities-table">
            <thead>
              <tr>
                <th scope="col">{t('analysis.entity.type')}</th>
                <th scope="col">{t('analysis.entity.asWritten')}</th>
                <th scope="col">{t('analysis.entity.normalized')}</th>
                <th scope="col">{t('analysis.entity.details')}</th>
                {linkToItems ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={`${e.type}:${e.normalized}`} data-testid="entity-row">
                  <td data-label={t('analysis.entity.type')}>{entityTypeLabel(t, e.type)}</td>
                  <td data-label={t('analysis.entity.asWritten')} className="untrusted-cell">
                    <SafeText text={shorten(e.value, 200)} />
                  </td>
                  <td data-label={t('analysis.entity.normalized')}>
                    <code className="entity-value">
                      <SafeText text={e.normalized} />
                    </code>
                  </td>
                  <td data-label={t('analysis.entity.details')}>
                    <EntityDetails attributes={e.attributes} />
                  </td>
                  {linkToItems ? (
                    <td data-label={t('common.actions')}>
                      <Link
                        to={itemsLink({ entityType: e.type, entity: e.normalized, sort: 'score' })}
                        aria-label={t('analysis.entity.allItemsFor', { value: e.normalized })}
                        data-testid="entity-link"
                      >
                        {t('analysis.entity.allItems')}
                      </Link>
                      {LINKING_TYPES.includes(e.type) ? (
                        <>
                          {' · '}
                          <Link
                            to={`/networks/entities/${encodeURIComponent(e.type)}/${encodeURIComponent(e.normalized)}`}
                            aria-label={t('networks.entity.linksFor', { value: e.normalized })}
                            data-testid="entity-network-link"
                          >
                            {t('networks.entity.links')}
                          </Link>
                        </>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Flat entities (POST /analyze) in the stored shape (type-specific fields in `attributes`). */
export function toItemEntities(entities: readonly api.AnalysedEntity[]): api.ItemEntity[] {
  return entities.map(({ type, value, normalized, start, end, ...attributes }) => ({ type, value, normalized, start, end, attributes }));
}

/** Every contribution to the score, with its weight and an explanation in the user's language. */
export function Breakdown({ breakdown, indicators, score, configVersion }: { breakdown: readonly api.ScoreContribution[]; indicators: readonly api.ScoredIndicator[]; score: number; configVersion: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const sum = breakdown.reduce((s, b) => s + b.contribution, 0);
  // The API gives the score and the contributions; the starting value (bias) is what remains of the logit.
  const clamped = Math.min(Math.max(score, 1e-6), 1 - 1e-6);
  const bias = Math.log(clamped / (1 - clamped)) - sum;
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('analysis.breakdown')}</h2>
      <p className="muted">{t('analysis.breakdown.intro')}</p>
      {breakdown.length === 0 ? <p>{t('analysis.breakdown.empty')}</p> : null}
      {breakdown.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table responsive-table" data-testid="breakdown-table">
            <thead>
              <tr>
                <th scope="col">{t('analysis.breakdown.signal')}</th>
                <th scope="col">{t('analysis.breakdown.weight')}</th>
                <th scope="col">{t('analysis.breakdown.value')}</th>
                <th scope="col">{t('analysis.breakdown.contribution')}</th>
                <th scope="col">{t('analysis.breakdown.explanation')}</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.map((b) => {
                const ind = b.source === 'indicator' ? byId.get(b.id) : undefined;
                const label = b.source === 'indicator' ? indicatorLabel(t, b.id, ind?.label ?? b.explanation) : featureLabel(t, b.id, b.explanation);
                const spans = b.spans ?? ind?.spans ?? [];
                const sourceKey = b.source === 'indicator' || b.source === 'entity' || b.source === 'media' ? (`analysis.breakdown.source.${b.source}` as const) : null;
                return (
                  <tr key={`${b.source}:${b.id}`} data-testid="breakdown-row" data-signal={b.id}>
                    <td data-label={t('analysis.breakdown.signal')}>
                      <span className="cell-strong">
                        <LabelText label={label} />
                      </span>
                      <p className="muted cell-note">
                        {sourceKey ? t(sourceKey) : b.source}
                        {b.category ? (
                          <>
                            {' · '}
                            <LabelText label={categoryLabel(t, b.category)} />
                          </>
                        ) : null}
                      </p>
                    </td>
                    <td data-label={t('analysis.breakdown.weight')} className="num">
                      {formatSigned(lang, b.weight)}
                    </td>
                    <td data-label={t('analysis.breakdown.value')} className="num">
                      {formatSigned(lang, b.value)}
                    </td>
                    <td data-label={t('analysis.breakdown.contribution')} className="num">
                      <strong>{formatSigned(lang, b.contribution)}</strong>
                      {b.capped ? <span className="badge badge-warn capped-badge">{t('analysis.breakdown.capped')}</span> : null}
                    </td>
                    <td data-label={t('analysis.breakdown.explanation')}>
                      {b.evidence ? (
                        <>
                          {t('analysis.breakdown.evidence', { evidence: evidenceLabel(t, b.evidence).text })}{' '}
                        </>
                      ) : null}
                      {spans.length > 0 ? (
                        <>
                          {t('analysis.breakdown.found')}: <Matches spans={spans} max={3} />.{' '}
                        </>
                      ) : null}
                      {/* Core counts an indicator found only inside quotation marks at value 0.5. */}
                      {b.source === 'indicator' && b.value === 0.5 ? <>{t('analysis.breakdown.quotedNote')} </> : null}
                      {b.capped ? t('analysis.breakdown.cappedNote', { weight: formatSigned(lang, b.weight), contribution: formatSigned(lang, b.contribution) }) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <dl className="details breakdown-sum">
        <dt>{t('analysis.breakdown.sum')}</dt>
        <dd className="num">{formatSigned(lang, sum)}</dd>
        <dt>{t('analysis.breakdown.base')}</dt>
        <dd className="num">≈ {formatSigned(lang, bias)}</dd>
        <dt>{t('analysis.score')}</dt>
        <dd>
          <ScoreMeter score={score} />
        </dd>
      </dl>
      <p className="hint">{t('analysis.breakdown.config', { version: configVersion })}</p>
    </section>
  );
}
