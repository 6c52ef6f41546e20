import { useId, useState, type FormEvent } from 'react';
import * as api from '../../api/networks';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { Link, useRouter } from '../../app/router';
import { ErrorAlert, Spinner } from '../../components/ui';
import { entityTypeLabel } from '../../analysis/labels';
import { PurposeSummary, useNeedsPurpose } from '../items/PurposeForm';
import { placeName, PurposeGate, useDateFormat, useReasonedLoad } from './common';

const PAGE = 50;

interface Filters {
  city: string;
  entityType: string;
  entity: string;
  site: string;
  minItems: string;
  sort: 'size' | 'recent';
  offset: number;
}

function fromSearch(search: string): Filters {
  const q = new URLSearchParams(search);
  const sort = q.get('sort') === 'recent' ? 'recent' : 'size';
  return { city: q.get('city') ?? '', entityType: q.get('entityType') ?? '', entity: q.get('entity') ?? '', site: q.get('site') ?? '', minItems: q.get('minItems') ?? '2', sort, offset: Math.max(0, Number(q.get('offset')) || 0) };
}

function toSearch(f: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== '' && !(k === 'offset' && v === 0) && !(k === 'sort' && v === 'size') && !(k === 'minItems' && v === '2')) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function NetworksList() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const { search, navigate } = useRouter();
  const needsPurpose = useNeedsPurpose();
  const filters = fromSearch(search);
  const [form, setForm] = useState(filters);
  const [problem, setProblem] = useState<string | null>(null);
  const date = useDateFormat();
  const { data, error, blocked } = useReasonedLoad(
    (reason) =>
      api.listNetworks(
        {
          ...(filters.city ? { city: filters.city } : {}),
          ...(filters.entityType && filters.entity ? { entityType: filters.entityType, entity: filters.entity } : {}),
          ...(filters.site ? { site: filters.site } : {}),
          minItems: Number(filters.minItems) || 2,
          sort: filters.sort,
          limit: PAGE,
          offset: filters.offset,
        },
        reason,
      ),
    [search],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Boolean(form.entityType) !== Boolean(form.entity.trim())) {
      setProblem(t('networks.filters.entityBoth'));
      return;
    }
    setProblem(null);
    navigate(`/networks${toSearch({ ...form, entity: form.entity.trim(), offset: 0 })}`);
  };
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setForm((f) => ({ ...f, [k]: v }));

  if (blocked) return <PurposeGate />;
  return (
    <>
      {needsPurpose ? <PurposeSummary /> : null}
      <p className="lead">{t('networks.list.intro')}</p>
      <section className="card filters" aria-labelledby={`${id}-t`}>
        <h2 id={`${id}-t`}>{t('networks.filters.title')}</h2>
        <ErrorAlert message={problem} />
        <form className="form filter-form" role="search" aria-labelledby={`${id}-t`} onSubmit={submit} noValidate>
          <div className="filter-grid">
            <div className="field">
              <label htmlFor={`${id}-city`}>{t('networks.filters.city')}</label>
              <input id={`${id}-city`} type="text" value={form.city} onChange={(e) => set('city', e.target.value)} aria-describedby={`${id}-city-h`} maxLength={200} />
              <p className="hint" id={`${id}-city-h`}>
                {t('networks.filters.cityHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-et`}>{t('networks.filters.entityType')}</label>
              <select id={`${id}-et`} value={form.entityType} onChange={(e) => set('entityType', e.target.value)}>
                <option value="">{t('networks.filters.entityAny')}</option>
                {api.NETWORK_ENTITY_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {entityTypeLabel(t, type)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-ev`}>{t('networks.filters.entity')}</label>
              <input id={`${id}-ev`} type="text" value={form.entity} onChange={(e) => set('entity', e.target.value)} aria-describedby={`${id}-ev-h`} maxLength={500} />
              <p className="hint" id={`${id}-ev-h`}>
                {t('networks.filters.entityHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-site`}>{t('networks.filters.site')}</label>
              <input id={`${id}-site`} type="text" value={form.site} onChange={(e) => set('site', e.target.value)} maxLength={253} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-min`}>{t('networks.filters.minItems')}</label>
              <input id={`${id}-min`} type="number" min={1} className="input-short" value={form.minItems} onChange={(e) => set('minItems', e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-sort`}>{t('networks.filters.sort')}</label>
              <select id={`${id}-sort`} value={form.sort} onChange={(e) => set('sort', e.target.value === 'recent' ? 'recent' : 'size')}>
                <option value="size">{t('networks.filters.sort.size')}</option>
                <option value="recent">{t('networks.filters.sort.recent')}</option>
              </select>
            </div>
          </div>
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t('networks.filters.submit')}
            </button>
          </div>
        </form>
      </section>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      {!data && !error ? <Spinner /> : null}
      {data ? (
        <section aria-live="polite">
          <p className="counts">{data.total === 1 ? t('networks.list.countOne') : t('networks.list.count', { count: data.total })}</p>
          {data.networks.length === 0 ? (
            <p className="alert alert-empty">{t('networks.list.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-testid="networks-table">
                <caption className="visually-hidden">{t('networks.list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('networks.col.network')}</th>
                    <th scope="col" className="num">
                      {t('networks.col.items')}
                    </th>
                    <th scope="col">{t('networks.col.cities')}</th>
                    <th scope="col">{t('networks.col.sites')}</th>
                    <th scope="col">{t('networks.col.firstSeen')}</th>
                    <th scope="col">{t('networks.col.lastSeen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.networks.map((n) => (
                    <tr key={n.id}>
                      <td>
                        <Link to={`/networks/${n.id}`} className="item-link">
                          {n.id.slice(0, 8)}
                        </Link>
                      </td>
                      <td className="num">{n.itemCount}</td>
                      <td>{n.cities.map((c) => placeName(c, lang)).join(', ')}</td>
                      <td className="untrusted-text-inline">{n.sites.join(', ')}</td>
                      <td>{date(n.firstSeen)}</td>
                      <td>{date(n.lastSeen)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="button-row">
            {filters.offset > 0 ? (
              <Link to={`/networks${toSearch({ ...filters, offset: Math.max(0, filters.offset - PAGE) })}`} className="button button-secondary">
                {t('networks.prev')}
              </Link>
            ) : null}
            {filters.offset + PAGE < data.total ? (
              <Link to={`/networks${toSearch({ ...filters, offset: filters.offset + PAGE })}`} className="button button-secondary">
                {t('networks.next')}
              </Link>
            ) : null}
          </div>
        </section>
      ) : null}
    </>
  );
}
