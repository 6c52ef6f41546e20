import { Metrics } from './queue/Metrics';
import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { useI18n, type I18n } from '../i18n';
import { errorMessage } from '../i18n/errors';
import { useUser } from '../app/session';
import { ErrorAlert, PageTitle, Spinner, StatusNotice } from '../components/ui';
import * as api from '../api/cases';
import { keyed, picklistLabel } from './cases/labels';

// The boundaries are a large module: loaded only when a country table is shown.
const WorldMap = lazy(() => import('./stats/WorldMap'));
const COUNTRY_DIMENSIONS = new Set(['citizenship', 'countryOfExploitation', 'country']);

const PALETTE = ['#1f4e79', '#c55a11', '#548235', '#7030a0', '#bf9000', '#2e75b6', '#a9d18e', '#f4b183', '#8faadc', '#ffd966', '#767171'];

/** The country's name in the user's language (the browser knows them), the code when it does not. */
function countryName(lang: string, code: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const DIMENSIONS = ['sex', 'ageBand', 'exploitation', 'citizenship', 'countryOfExploitation', 'yearOfRegistration', 'meansOfControl'] as const;
const PICKLIST_OF: Record<string, string> = { sex: 'prs_Gender', exploitation: 'vic_TypeOfExploitation', meansOfControl: 'vic_MethodsOfControl' };

function category(i18n: I18n, vocabulary: api.Vocabulary | null, dim: string, value: string): string {
  if (value === 'total') return i18n.t('stats.total');
  if (value === 'unknown') return i18n.t('stats.unknown');
  if (dim === 'ageBand') return keyed(i18n.t, 'stats.band', value);
  if (COUNTRY_DIMENSIONS.has(dim)) return countryName(i18n.lang, value);
  const field = PICKLIST_OF[dim];
  return field ? picklistLabel(i18n.lang, vocabulary, field, value) : value;
}

/** The privacy parameters, in words, printed next to every table. */
export function PrivacyLine({ table }: { table: api.PublishedTable }) {
  const { t } = useI18n();
  const p = table.privacy;
  return (
    <p className="callout callout-info" data-testid="privacy-parameters">
      {p.method === 'k-anonymity'
        ? t('stats.privacy.k', { k: p.k ?? '', n: p.suppressed ?? 0 })
        : t('stats.privacy.dp', { mechanism: t(p.method === 'dp-laplace' ? 'stats.mechanism.laplace' : 'stats.mechanism.geometric'), epsilon: p.epsilon ?? '', sensitivity: p.sensitivity ?? '' })}
    </p>
  );
}

function valueText(t: I18n['t'], c: { value: number | null; suppressed: boolean } | undefined): string {
  if (!c) return '—';
  return c.suppressed ? t('stats.suppressed') : String(c.value);
}

/** One published table: a bar chart for one dimension (the table stays the accessible version), a grid for two. */
function TableView({ pub, vocabulary }: { pub: api.Publication; vocabulary: api.Vocabulary | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const dims = pub.table.dimensions;
  const cell = (key: string[]) => pub.table.cells.find((c) => c.key.length === key.length && c.key.every((k, i) => k === key[i]));
  const hasData = (cat: string) => cat !== 'unknown' || (cell([cat])?.value ?? 0) > 0;
  if (dims.length === 1) {
    const d = dims[0]!;
    const cats = [...d.categories.filter((c) => hasData(c) && (!COUNTRY_DIMENSIONS.has(d.name) || (cell([c])?.value ?? 0) !== 0 || cell([c])?.suppressed)), 'total'];
    const max = Math.max(1, ...d.categories.map((c) => cell([c])?.value ?? 0));
    const isCountry = COUNTRY_DIMENSIONS.has(d.name);
    return (
      <>
        {isCountry ? (
          <Suspense fallback={<Spinner />}>
            <WorldMap
              values={new Map(d.categories.map((c) => [c, cell([c])?.suppressed ? null : (cell([c])?.value ?? 0)]))}
              label={t('stats.map.label', { title: pub.title })}
              legend={t('stats.map.legend')}
            />
          </Suspense>
        ) : null}
        <div className="stats-bars" aria-hidden="true" hidden={isCountry}>
          {d.categories.filter((c) => (cell([c])?.value ?? 0) > 0 || cell([c])?.suppressed).map((c) => (
            <div key={c} className="progress-row">
              <span>{category(i18n, vocabulary, d.name, c)}</span>
              <span style={{ display: 'inline-block', height: '0.8em', background: 'currentColor', width: `${((cell([c])?.value ?? 0) / max) * 60}%`, marginInline: '0.5em' }} />
              <span>{valueText(t, cell([c]))}</span>
            </div>
          ))}
        </div>
        <table className="data-table">
          <caption>{pub.title}</caption>
          <thead>
            <tr>
              <th scope="col">{keyed(t, 'stats.dim', d.name)}</th>
              <th scope="col">{t('stats.count')}</th>
            </tr>
          </thead>
          <tbody>
            {cats.map((c) => (
              <tr key={c}>
                <th scope="row">{category(i18n, vocabulary, d.name, c)}</th>
                <td className="num">{valueText(t, cell([c]))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }
  const [rows, cols] = [dims[0]!, dims[1]!];
  const rowCats = [...rows.categories.filter((r) => (cell([r, 'total'])?.value ?? 0) > 0 || cell([r, 'total'])?.suppressed || r !== 'unknown'), 'total'];
  const colCats = [...cols.categories.filter((c) => (cell(['total', c])?.value ?? 0) !== 0 || cell(['total', c])?.suppressed), 'total'];
  // Forms over time: one stacked bar per year (decorative; the grid below carries the numbers).
  const overTime = cols.name === 'yearOfRegistration' || cols.name === 'year';
  const shownRows = rowCats.filter((r) => r !== 'total');
  const yearMax = Math.max(1, ...colCats.filter((c) => c !== 'total').map((c) => cell(['total', c])?.value ?? 0));
  return (
    <div className="table-wrap">
      {overTime ? (
        <figure aria-hidden="true" className="stats-time">
          {colCats.filter((c) => c !== 'total').map((year) => (
            <div key={year} className="progress-row">
              <span style={{ display: 'inline-block', minWidth: '3.5em' }}>{year}</span>
              <span style={{ display: 'inline-flex', width: '70%' }}>
                {shownRows.map((r, i) => {
                  const c = cell([r, year]);
                  const v = c?.value ?? 0;
                  if (!c?.suppressed && v === 0) return null;
                  return (
                    <span
                      key={r}
                      title={`${category(i18n, vocabulary, rows.name, r)}: ${valueText(t, c)}`}
                      style={{ height: '0.9em', width: `${(Math.max(v, c?.suppressed ? 1 : 0) / yearMax) * 100}%`, background: c?.suppressed ? 'repeating-linear-gradient(45deg,#bbb,#bbb 2px,#eee 2px,#eee 4px)' : PALETTE[i % PALETTE.length] }}
                    />
                  );
                })}
              </span>
            </div>
          ))}
          <figcaption className="muted">
            {shownRows.map((r, i) => (
              <span key={r} style={{ marginInlineEnd: '1em' }}>
                <span style={{ display: 'inline-block', width: '0.8em', height: '0.8em', background: PALETTE[i % PALETTE.length], marginInlineEnd: '0.3em' }} />
                {category(i18n, vocabulary, rows.name, r)}
              </span>
            ))}
          </figcaption>
        </figure>
      ) : null}
      <table className="data-table">
        <caption>{pub.title}</caption>
        <thead>
          <tr>
            <th scope="col">
              {keyed(t, 'stats.dim', rows.name)} \ {keyed(t, 'stats.dim', cols.name)}
            </th>
            {colCats.map((c) => (
              <th key={c} scope="col">
                {category(i18n, vocabulary, cols.name, c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowCats.map((r) => (
            <tr key={r}>
              <th scope="row">{category(i18n, vocabulary, rows.name, r)}</th>
              {colCats.map((c) => (
                <td key={c} className="num">
                  {valueText(t, cell([r, c]))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PublishForm({ onPublished }: { onPublished: (p: api.Publication) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [title, setTitle] = useState('');
  const [dimensions, setDimensions] = useState<string[]>(['sex']);
  const [method, setMethod] = useState('k-anonymity');
  const [k, setK] = useState('11');
  const [epsilon, setEpsilon] = useState('1');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const pub = await api.publishTable({ title: title.trim() || dimensions.map((d) => t(`stats.dim.${d}` as never)).join(' × '), dimensions, method, ...(method === 'k-anonymity' ? { k: Number(k) } : { epsilon: Number(epsilon) }) });
      onPublished(pub);
      setNotice(t('stats.published'));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="stats-publish-h">
      <h2 id="stats-publish-h">{t('stats.publish.title')}</h2>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      <StatusNotice message={notice} />
      <div className="field">
        <label htmlFor="stats-title">{t('stats.publish.tableTitle')}</label>
        <input id="stats-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <fieldset className="fieldset">
        <legend>{t('stats.publish.dimensions')}</legend>
        <div className="checkbox-list">
          {DIMENSIONS.map((d) => (
            <div key={d} className="checkbox-item">
              <input id={`sd-${d}`} type="checkbox" checked={dimensions.includes(d)} onChange={(e) => setDimensions(e.target.checked ? [...dimensions, d] : dimensions.filter((x) => x !== d))} />
              <label htmlFor={`sd-${d}`}>{t(`stats.dim.${d}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        <div className="field">
          <label htmlFor="stats-method">{t('stats.publish.method')}</label>
          <select id="stats-method" value={method} onChange={(e) => setMethod(e.target.value)}>
            {['k-anonymity', 'dp-geometric', 'dp-laplace'].map((m) => (
              <option key={m} value={m}>
                {keyed(t, 'stats.method', m)}
              </option>
            ))}
          </select>
        </div>
        {method === 'k-anonymity' ? (
          <div className="field">
            <label htmlFor="stats-k">{t('stats.publish.k')}</label>
            <input id="stats-k" type="number" min={2} max={1000} value={k} onChange={(e) => setK(e.target.value)} />
          </div>
        ) : (
          <div className="field">
            <label htmlFor="stats-epsilon">{t('stats.publish.epsilon')}</label>
            <input id="stats-epsilon" type="number" min={0.01} max={10} step={0.01} value={epsilon} onChange={(e) => setEpsilon(e.target.value)} />
          </div>
        )}
      </div>
      <button type="submit" className="button button-primary" disabled={dimensions.length === 0 || dimensions.length > 2}>
        {t('stats.publish.submit')}
      </button>
    </form>
  );
}

/** Published statistics only: each table with its privacy parameters. Statisticians see nothing else. */
export function Statistics() {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useUser();
  const [pubs, setPubs] = useState<api.Publication[] | null>(null);
  const [vocabulary, setVocabulary] = useState<api.Vocabulary | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.listPublications().then(setPubs, setError);
    api.getVocabulary().then(setVocabulary, () => setVocabulary(null));
  }, []);
  const canPublish = user.roles.includes('admin') || user.roles.includes('supervisor');
  // The hotline's time to removal is aggregate-only; the roles the metrics API admits see it here too.
  const seesRemovalTimes = ['admin', 'analyst', 'investigator', 'statistician'].some((r) => user.roles.includes(r));
  return (
    <>
      <PageTitle title={t('nav.statistics')}>{t('nav.statistics')}</PageTitle>
      <p className="lead">{t('stats.intro')}</p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      {canPublish ? <PublishForm onPublished={(p) => setPubs([p, ...(pubs ?? [])])} /> : null}
      {pubs === null && !error ? <Spinner /> : null}
      {pubs && pubs.length === 0 ? <p>{t('stats.empty')}</p> : null}
      {pubs?.map((p) => (
        <section key={p.id} aria-labelledby={`pub-${p.id}`} className="card" data-testid="publication">
          <h2 id={`pub-${p.id}`}>{p.title}</h2>
          <PrivacyLine table={p.table} />
          <TableView pub={p} vocabulary={vocabulary} />
          <p>
            <a href={`/api/v1/stats/publications/${p.id}/csv`} download>
              {t('stats.csv')}
            </a>{' '}
            <span className="muted">{i18n.formatDateTime(p.createdAt)}</span>
          </p>
        </section>
      ))}
      {seesRemovalTimes ? (
        <section aria-labelledby="removal-times" data-testid="removal-times">
          <h2 id="removal-times">{t('stats.removalTimes')}</h2>
          <Metrics />
        </section>
      ) : null}
    </>
  );
}
