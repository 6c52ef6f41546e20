import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import * as api from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { Link, useRouter } from '../../app/router';
import { resetAccessReason, useAccessReason } from '../../app/purpose';
import { ErrorAlert, Spinner } from '../../components/ui';
import { INDICATORS_BY_CATEGORY, KNOWN_INDICATOR_IDS } from '../../analysis/catalog';
import { categoryLabel, entityTypeLabel, indicatorLabel, sourceLabel, textLangLabel } from '../../analysis/labels';
import { LabelText, SafeText, ScoreMeter, shorten } from '../../analysis/views';
import { EMPTY_FILTERS, PAGE_SIZES, filtersFromSearch, rememberListSearch, searchFromFilters, toApiQuery, validateFilters, type Filters } from './filters';
import { PurposeForm, PurposeSummary, useNeedsPurpose } from './PurposeForm';

const LANGUAGES = ['es', 'en', 'pt', 'und'] as const;

/** Field labels for validation problems the server names by query parameter. */
const FIELD_LABEL: Partial<Record<string, MessageKey>> = {
  minScore: 'items.filters.minScore',
  maxScore: 'items.filters.maxScore',
  indicator: 'items.filters.indicator',
  entityType: 'items.filters.entityType',
  entity: 'items.filters.entityValue',
  site: 'items.filters.site',
  language: 'items.filters.language',
  source: 'items.filters.source',
  capturedFrom: 'items.filters.captured',
  capturedTo: 'items.filters.captured',
  postedFrom: 'items.filters.posted',
  postedTo: 'items.filters.posted',
  purpose: 'purpose.purpose',
  legalBasis: 'purpose.legalBasis',
};

function FilterForm({ initial, onSearch }: { initial: Filters; onSearch: (f: Filters) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [f, setF] = useState<Filters>(initial);
  const [problem, setProblem] = useState<{ key: MessageKey; field: keyof Filters } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // The address is the truth: going back and forward (or following a shared link) refills the form.
  useEffect(() => setF(initial), [initial]);

  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setF((old) => ({ ...old, [k]: v }));
  const inputId = (k: keyof Filters) => `${id}-${k}`;
  const invalid = (k: keyof Filters) => (problem?.field === k ? true : undefined);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const p = validateFilters(f);
    setProblem(p);
    if (p) {
      formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(inputId(p.field))}`)?.focus();
      return;
    }
    onSearch(f);
  };

  const unknownIndicator = f.indicator && !KNOWN_INDICATOR_IDS.has(f.indicator) ? f.indicator : null;

  return (
    <section className="card filters" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('items.filters.title')}</h2>
      <p className="hint">{t('items.filters.intro')}</p>
      <ErrorAlert message={problem ? t(problem.key) : null} />
      <form ref={formRef} className="form filter-form" onSubmit={submit} noValidate role="search" aria-labelledby={`${id}-t`}>
        <div className="filter-grid">
          <fieldset className="fieldset">
            <legend>{t('items.filters.score')}</legend>
            <p className="hint" id={`${id}-score-hint`}>
              {t('items.filters.scoreHint')}
            </p>
            <div className="field-row">
              <div className="field">
                <label htmlFor={inputId('minScore')}>{t('items.filters.minScore')}</label>
                <input
                  id={inputId('minScore')}
                  type="text"
                  inputMode="decimal"
                  className="input-short"
                  autoComplete="off"
                  aria-describedby={`${id}-score-hint`}
                  aria-invalid={invalid('minScore')}
                  value={f.minScore}
                  onChange={(e) => set('minScore', e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={inputId('maxScore')}>{t('items.filters.maxScore')}</label>
                <input
                  id={inputId('maxScore')}
                  type="text"
                  inputMode="decimal"
                  className="input-short"
                  autoComplete="off"
                  aria-describedby={`${id}-score-hint`}
                  aria-invalid={invalid('maxScore')}
                  value={f.maxScore}
                  onChange={(e) => set('maxScore', e.target.value)}
                />
              </div>
            </div>
          </fieldset>

          <div className="field">
            <label htmlFor={inputId('indicator')}>{t('items.filters.indicator')}</label>
            <select id={inputId('indicator')} value={f.indicator} onChange={(e) => set('indicator', e.target.value)}>
              <option value="">{t('items.filters.any')}</option>
              {unknownIndicator ? <option value={unknownIndicator}>{unknownIndicator}</option> : null}
              {INDICATORS_BY_CATEGORY.map(([category, ids]) => (
                <optgroup key={category} label={categoryLabel(t, category).text}>
                  {ids.map((ind) => (
                    <option key={ind} value={ind}>
                      {indicatorLabel(t, ind).text}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>

          <fieldset className="fieldset">
            <legend>{t('items.filters.entity')}</legend>
            <div className="field">
              <label htmlFor={inputId('entityType')}>{t('items.filters.entityType')}</label>
              <select id={inputId('entityType')} value={f.entityType} onChange={(e) => set('entityType', e.target.value)}>
                <option value="">{t('items.filters.any')}</option>
                {api.ENTITY_TYPES.map((et) => (
                  <option key={et} value={et}>
                    {entityTypeLabel(t, et)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={inputId('entity')}>{t('items.filters.entityValue')}</label>
              <input
                id={inputId('entity')}
                type="text"
                autoComplete="off"
                spellCheck={false}
                maxLength={500}
                aria-describedby={`${id}-entity-hint`}
                value={f.entity}
                onChange={(e) => set('entity', e.target.value)}
              />
              <p className="hint" id={`${id}-entity-hint`}>
                {t('items.filters.entityHint')}
              </p>
            </div>
          </fieldset>

          <div className="field">
            <label htmlFor={inputId('site')}>{t('items.filters.site')}</label>
            <input
              id={inputId('site')}
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={253}
              aria-describedby={`${id}-site-hint`}
              value={f.site}
              onChange={(e) => set('site', e.target.value)}
            />
            <p className="hint" id={`${id}-site-hint`}>
              {t('items.filters.siteHint')}
            </p>
          </div>

          <div className="field">
            <label htmlFor={inputId('language')}>{t('items.filters.language')}</label>
            <select id={inputId('language')} value={f.language} onChange={(e) => set('language', e.target.value)}>
              <option value="">{t('items.filters.any')}</option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {textLangLabel(t, l)}
                </option>
              ))}
            </select>
          </div>

          <div className="field">
            <label htmlFor={inputId('source')}>{t('items.filters.source')}</label>
            <select id={inputId('source')} value={f.source} onChange={(e) => set('source', e.target.value)}>
              <option value="">{t('items.filters.any')}</option>
              {api.ITEM_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {sourceLabel(t, s)}
                </option>
              ))}
            </select>
          </div>

          {(['captured', 'posted'] as const).map((which) => {
            const fromKey = which === 'captured' ? 'capturedFrom' : 'postedFrom';
            const toKey = which === 'captured' ? 'capturedTo' : 'postedTo';
            return (
              <fieldset className="fieldset" key={which}>
                <legend>{t(which === 'captured' ? 'items.filters.captured' : 'items.filters.posted')}</legend>
                <p className="hint" id={`${id}-${which}-hint`}>
                  {t('items.filters.datesHint')}
                </p>
                <div className="field-row">
                  <div className="field">
                    <label htmlFor={inputId(fromKey)}>{t('items.filters.from')}</label>
                    <input
                      id={inputId(fromKey)}
                      type="date"
                      aria-describedby={`${id}-${which}-hint`}
                      aria-invalid={invalid(fromKey)}
                      value={f[fromKey]}
                      onChange={(e) => set(fromKey, e.target.value)}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={inputId(toKey)}>{t('items.filters.to')}</label>
                    <input
                      id={inputId(toKey)}
                      type="date"
                      aria-describedby={`${id}-${which}-hint`}
                      aria-invalid={invalid(toKey)}
                      value={f[toKey]}
                      onChange={(e) => set(toKey, e.target.value)}
                    />
                  </div>
                </div>
              </fieldset>
            );
          })}

          <fieldset className="fieldset">
            <legend>{t('items.filters.sort')}</legend>
            <div className="radio-list">
              {api.ITEM_SORTS.map((s) => (
                <div className="checkbox-item" key={s}>
                  <input id={inputId('sort') + s} type="radio" name={`${id}-sort`} value={s} checked={f.sort === s} onChange={() => set('sort', s)} />
                  <label htmlFor={inputId('sort') + s}>{t(s === 'score' ? 'items.sort.score' : 'items.sort.captured')}</label>
                </div>
              ))}
            </div>
          </fieldset>

          <div className="field">
            <label htmlFor={inputId('limit')}>{t('items.filters.pageSize')}</label>
            <select id={inputId('limit')} className="select-small" value={f.limit} onChange={(e) => set('limit', e.target.value)}>
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('items.filters.submit')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setProblem(null);
              setF(EMPTY_FILTERS);
              onSearch(EMPTY_FILTERS);
            }}
          >
            {t('items.filters.clear')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ItemRow({ item, showIndicators }: { item: api.ItemSummary; showIndicators: boolean }) {
  const { t, formatDateTime } = useI18n();
  const firstLine = (item.title?.trim() || item.snippet.split('\n').find((l) => l.trim())?.trim() || '').replace(/\s+/g, ' ');
  const rest = item.title ? item.snippet.replace(/\s+/g, ' ').trim() : '';
  return (
    <tr data-testid="item-row" data-item-id={item.id}>
      <td data-label={t('items.col.score')} className="score-cell">
        {item.riskScore !== null ? <ScoreMeter score={item.riskScore} /> : <span className="badge badge-muted">{t('items.notAnalysed')}</span>}
      </td>
      <td data-label={t('items.col.item')} className="item-cell">
        <Link to={`/items/${item.id}`} className="cell-strong item-link" dir="auto" data-testid="item-link">
          {firstLine ? <SafeText text={shorten(firstLine, 140)} /> : t('items.untitled')}
        </Link>
        {rest ? (
          <p className="muted cell-note untrusted-cell" dir="auto">
            <SafeText text={shorten(rest, 160)} />
          </p>
        ) : null}
        {item.previousId ? <p className="cell-note small muted">{t('items.versionOf')}</p> : null}
      </td>
      <td data-label={t('items.col.site')} className="untrusted-cell">
        {item.site ? <SafeText text={item.site} /> : '—'}
      </td>
      <td data-label={t('items.col.language')}>{item.language ? textLangLabel(t, item.language) : '—'}</td>
      <td data-label={t('items.col.captured')}>{formatDateTime(item.capturedAt)}</td>
      {showIndicators ? (
        <td data-label={t('items.col.indicators')}>
          {item.indicators && item.indicators.length > 0 ? (
            <ul className="tag-list">
              {item.indicators.slice(0, 4).map((ind) => (
                <li key={ind.id} className="tag">
                  <LabelText label={indicatorLabel(t, ind.id, ind.label)} />
                </li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </td>
      ) : null}
    </tr>
  );
}

export function ItemsList() {
  const i18n = useI18n();
  const { t } = i18n;
  const { search, navigate } = useRouter();
  const needsPurpose = useNeedsPurpose();
  const reason = useAccessReason();
  const parsed = useMemo(() => filtersFromSearch(search), [search]);
  const [page, setPage] = useState<api.ItemPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [reloadToken, setReloadToken] = useState(0);
  const focusResults = useRef(false);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const blocked = needsPurpose && !reason;

  useEffect(() => rememberListSearch(search), [search]);

  useEffect(() => {
    if (blocked) return;
    let live = true;
    setLoading(true);
    setError(null);
    api.listItems(toApiQuery(parsed.filters, parsed.cursor), reason).then(
      (p) => {
        if (!live) return;
        setPage(p);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setPage(null);
        setLoading(false);
        // The server asks for a purpose (roles changed since sign-in): ask again.
        if (err instanceof api.ApiError && err.code === 'item.purpose_required') resetAccessReason();
        setError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [parsed, reason, blocked, reloadToken]);

  useEffect(() => {
    if (!loading && focusResults.current && (page || error)) {
      focusResults.current = false;
      resultsRef.current?.focus();
    }
  }, [loading, page, error]);

  const go = (f: Filters, cursor: string | null) => {
    focusResults.current = true;
    const to = `/items${searchFromFilters(f, cursor)}`;
    if (to === window.location.pathname + window.location.search) setReloadToken((n) => n + 1);
    else navigate(to, { keepScroll: true });
  };

  if (blocked) {
    return (
      <div className="stack">
        <p className="muted">{t('items.intro')}</p>
        <PurposeForm />
      </div>
    );
  }

  const invalidFields = [
    ...new Set(
      api
        .problemErrors(error)
        .map((e) => FIELD_LABEL[e.path.split('.').pop() ?? ''])
        .filter((k): k is MessageKey => k !== undefined)
        .map((k) => t(k)),
    ),
  ];
  const showIndicators = page?.items.some((i) => i.indicators !== undefined) ?? false;

  return (
    <div className="stack">
      <p className="muted">{t('items.intro')}</p>
      {needsPurpose ? <PurposeSummary /> : null}
      <FilterForm initial={parsed.filters} onSearch={(f) => go(f, null)} />

      <section aria-labelledby={`${id}-results`} aria-busy={loading}>
        <h2 id={`${id}-results`} ref={resultsRef} tabIndex={-1} className="focus-target">
          {t('items.results')}
        </h2>
        <ErrorAlert message={error ? errorMessage(error, i18n) + (invalidFields.length ? ` ${t('items.filters.invalidFields', { fields: invalidFields.join(', ') })}` : '') : null} />
        {loading ? <Spinner /> : null}
        {page && !loading ? (
          <>
            <p className="muted" role="status" data-testid="results-count">
              {parsed.cursor ? `${t('items.results.later')} ` : ''}
              {page.next ? t('items.results.countMore', { count: page.items.length }) : t('items.results.count', { count: page.items.length })}
            </p>
            {page.items.length === 0 ? <p>{t('items.empty')}</p> : null}
            {page.items.length > 0 ? (
              <div className="table-wrap">
                <table className="data-table responsive-table items-table" data-testid="items-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('items.col.score')}</th>
                      <th scope="col">{t('items.col.item')}</th>
                      <th scope="col">{t('items.col.site')}</th>
                      <th scope="col">{t('items.col.language')}</th>
                      <th scope="col">{t('items.col.captured')}</th>
                      {showIndicators ? <th scope="col">{t('items.col.indicators')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((item) => (
                      <ItemRow key={item.id} item={item} showIndicators={showIndicators} />
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </>
        ) : null}
        {(page?.next || parsed.cursor) && !loading ? (
          <nav className="pager" aria-label={t('items.paging')}>
            {parsed.cursor ? (
              <Link to={`/items${searchFromFilters(parsed.filters)}`} className="button button-secondary" onClick={() => (focusResults.current = true)}>
                {t('items.first')}
              </Link>
            ) : null}
            {page?.next ? (
              <Link
                to={`/items${searchFromFilters(parsed.filters, page.next)}`}
                className="button button-primary"
                onClick={() => (focusResults.current = true)}
                data-testid="next-page"
              >
                {t('items.next')}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
