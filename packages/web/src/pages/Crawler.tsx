import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n, isMessageKey, type MessageKey } from '../i18n';
import { useMsg, type Msg } from '../i18n/msg';
import { errorMessage } from '../i18n/errors';
import { ApiError } from '../api/client';
import * as crawl from '../api/crawl';
import { Link } from '../app/router';
import { useUser } from '../app/session';
import { ErrorAlert, PageTitle, Spinner, StatusNotice } from '../components/ui';

/** A refused profile: the line and field the server names (its English reason is not shown as-is). */
function profileError(err: unknown): Msg | null {
  if (!(err instanceof ApiError) || err.code !== 'crawl.invalid_profile') return null;
  const first = (err.problem.errors as Array<{ path: string; message: string; params?: { line?: number } }> | undefined)?.[0];
  const line = first?.params?.line !== undefined ? String(first.params.line) : first ? /^line (\d+)/.exec(first.message)?.[1] : undefined;
  if (line && first?.path) return { key: 'crawl.add.invalidAt', vars: { line, path: first.path } };
  if (line) return { key: 'crawl.add.invalidLine', vars: { line } };
  return { key: 'error.crawl.invalid_profile' };
}

function AddProfileForm({ onSaved }: { onSaved: (p: crawl.CrawlProfile) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const msg = useMsg();
  const id = useId();
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Msg | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    setLocal(null);
    if (!source.trim()) {
      setLocal({ key: 'crawl.add.missing' });
      return;
    }
    setBusy(true);
    try {
      const { profile } = await crawl.saveCrawlProfile(source);
      setSource('');
      onSaved(profile);
    } catch (err) {
      const m = profileError(err);
      if (m) setLocal(m);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('crawl.add.title')}</h2>
      <p className="muted">{t('crawl.add.intro')}</p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : msg(local)} />
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-source`}>{t('crawl.add.source')}</label>
          <textarea
            id={`${id}-source`}
            rows={12}
            spellCheck={false}
            className="mono"
            aria-invalid={local !== null || undefined}
            value={source}
            onChange={(e) => setSource(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('crawl.add.submit')}
        </button>
      </form>
    </section>
  );
}

const statusKey = (s: crawl.CrawlRunStatus): MessageKey => `crawl.status.${s}` as MessageKey;

/** What an administrator can do to a run in each status, and what is said once it is done. */
const RUN_ACTIONS: ReadonlyArray<{ to: 'running' | 'paused' | 'cancelled'; from: readonly crawl.CrawlRunStatus[]; label: MessageKey; done: MessageKey }> = [
  { to: 'paused', from: ['running'], label: 'crawl.runs.pause', done: 'crawl.runs.paused' },
  { to: 'running', from: ['paused'], label: 'crawl.runs.resume', done: 'crawl.runs.resumed' },
  { to: 'cancelled', from: ['running', 'paused'], label: 'crawl.runs.cancel', done: 'crawl.runs.cancelled' },
];
const kindKey = (k: string): string => `crawl.kind.${k}`;

/** The crawler module: runs with live progress, profiles, and the latest evidence captures. */
export function Crawler() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const msg = useMsg();
  const { roles } = useUser();
  const canManage = roles.includes('admin');
  const [profiles, setProfiles] = useState<crawl.CrawlProfile[] | null>(null);
  const [runs, setRuns] = useState<crawl.CrawlRun[] | null>(null);
  const [captures, setCaptures] = useState<crawl.CrawlCapture[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Msg | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([crawl.listCrawlProfiles(), crawl.listCrawlRuns(), crawl.listCaptures()]).then(([p, r, c]) => {
      setProfiles(p);
      setRuns(r);
      setCaptures(c);
    }, setError);
  }, []);
  useEffect(load, [load]);

  // Live progress: while a run is going and the page is in view, refresh what a run changes (runs and captures;
  // profiles change only by an action here, which reloads everything).
  const active = runs?.some((r) => r.status === 'running') ?? false;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      Promise.all([crawl.listCrawlRuns(), crawl.listCaptures()]).then(([r, c]) => {
        setRuns(r);
        setCaptures(c);
      }, setError);
    }, 1500);
    return () => clearInterval(timer);
  }, [active]);

  const act = async (key: string, fn: () => Promise<Msg>) => {
    setBusy(key);
    setError(null);
    setNotice(null);
    try {
      setNotice(await fn());
      load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageTitle title={t('nav.crawler')}>{t('nav.crawler')}</PageTitle>
      <div className="stack">
        <p className="muted">{t('crawl.intro')}</p>
        <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
        <StatusNotice message={msg(notice)} />

        <section aria-labelledby="crawl-runs-title">
          <h2 id="crawl-runs-title">{t('crawl.runs.title')}</h2>
          {runs === null && !error ? <Spinner /> : null}
          {runs && runs.length === 0 ? <p>{t('crawl.runs.empty')}</p> : null}
          {runs && runs.length > 0 ? (
            <div className="table-wrap">
              <table className="data-table responsive-table" data-testid="crawl-runs">
                <thead>
                  <tr>
                    <th scope="col">{t('crawl.runs.profile')}</th>
                    <th scope="col">{t('crawl.runs.status')}</th>
                    <th scope="col">{t('crawl.runs.progress')}</th>
                    <th scope="col">{t('crawl.runs.items')}</th>
                    <th scope="col">{t('crawl.runs.started')}</th>
                    {canManage ? <th scope="col">{t('common.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {runs.map((r) => (
                    <tr key={r.id}>
                      <td data-label={t('crawl.runs.profile')}>
                        <span className="cell-strong">{r.profileName}</span> <span className="muted">({t(r.kind === 'recrawl' ? 'crawl.runs.kind.recrawl' : 'crawl.runs.kind.crawl')})</span>
                      </td>
                      <td data-label={t('crawl.runs.status')}>{t(statusKey(r.status))}</td>
                      <td data-label={t('crawl.runs.progress')}>
                        {t('crawl.runs.progressValue', { fetched: r.fetched, queued: r.queued + r.fetching, errors: r.errors, skipped: r.skipped })}
                      </td>
                      <td data-label={t('crawl.runs.items')} className="num">
                        {r.itemsFound.toLocaleString()}
                      </td>
                      <td data-label={t('crawl.runs.started')}>{formatDateTime(r.startedAt)}</td>
                      {canManage ? (
                        <td data-label={t('common.actions')}>
                          {RUN_ACTIONS.filter((a) => a.from.includes(r.status)).map((a) => (
                            <button
                              key={a.to}
                              type="button"
                              className="button"
                              disabled={busy !== null}
                              onClick={() => act(`${a.to}:${r.id}`, async () => (await crawl.updateCrawlRun(r.id, a.to), { key: a.done, vars: { name: r.profileName } }))}
                            >
                              {t(a.label)}
                            </button>
                          ))}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <button type="button" className="button" onClick={load}>
            {t('crawl.refresh')}
          </button>
        </section>

        <section aria-labelledby="crawl-profiles-title">
          <h2 id="crawl-profiles-title">{t('crawl.profiles.title')}</h2>
          {profiles && profiles.length === 0 ? <p>{t('crawl.profiles.empty')}</p> : null}
          {profiles && profiles.length > 0 ? (
            <div className="table-wrap">
              <table className="data-table responsive-table" data-testid="crawl-profiles">
                <thead>
                  <tr>
                    <th scope="col">{t('crawl.profiles.name')}</th>
                    <th scope="col">{t('crawl.profiles.version')}</th>
                    <th scope="col">{t('crawl.profiles.startUrls')}</th>
                    <th scope="col">{t('crawl.profiles.limits')}</th>
                    {canManage ? <th scope="col">{t('common.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {profiles.map((p) => (
                    <tr key={p.id}>
                      <td data-label={t('crawl.profiles.name')}>
                        <span className="cell-strong">{p.name}</span>
                        {p.description ? <p className="muted cell-note">{p.description}</p> : null}
                      </td>
                      <td data-label={t('crawl.profiles.version')} className="num">
                        {p.version}
                      </td>
                      <td data-label={t('crawl.profiles.startUrls')}>
                        {p.startUrls.map((u) => (
                          <div key={u} className="mono">
                            {u}
                          </div>
                        ))}
                      </td>
                      <td data-label={t('crawl.profiles.limits')}>{t('crawl.profiles.limitsValue', { pages: p.maxPages, depth: p.maxDepth, delay: p.delayMs })}</td>
                      {canManage ? (
                        <td data-label={t('common.actions')}>
                          <button
                            type="button"
                            className="button button-primary"
                            disabled={busy !== null}
                            onClick={() =>
                              act(`start:${p.id}`, async () => {
                                const { resumed } = await crawl.startCrawlRun(p.name);
                                return { key: resumed ? 'crawl.profiles.alreadyRunning' : 'crawl.profiles.started', vars: { name: p.name } };
                              })
                            }
                          >
                            {t('crawl.profiles.start')}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>

        {canManage ? (
          <AddProfileForm
            onSaved={(p) => {
              setError(null);
              setNotice({ key: 'crawl.add.saved', vars: { name: p.name, version: p.version } });
              load();
            }}
          />
        ) : null}

        <section aria-labelledby="crawl-captures-title">
          <h2 id="crawl-captures-title">{t('crawl.captures.title')}</h2>
          {captures && captures.length === 0 ? <p>{t('crawl.captures.empty')}</p> : null}
          {captures && captures.length > 0 ? (
            <div className="table-wrap">
              <table className="data-table responsive-table" data-testid="crawl-captures">
                <thead>
                  <tr>
                    <th scope="col">{t('crawl.captures.time')}</th>
                    <th scope="col">{t('crawl.captures.kind')}</th>
                    <th scope="col">{t('crawl.captures.http')}</th>
                    <th scope="col">{t('crawl.captures.url')}</th>
                    <th scope="col">{t('crawl.captures.sha')}</th>
                    <th scope="col">{t('crawl.captures.item')}</th>
                  </tr>
                </thead>
                <tbody>
                  {captures.map((c) => {
                    const k = kindKey(c.kind);
                    return (
                      <tr key={c.id}>
                        <td data-label={t('crawl.captures.time')}>{formatDateTime(c.capturedAt)}</td>
                        <td data-label={t('crawl.captures.kind')}>{isMessageKey(k) ? t(k) : c.kind}</td>
                        <td data-label={t('crawl.captures.http')} className="num">
                          {c.httpStatus ?? '—'}
                        </td>
                        <td data-label={t('crawl.captures.url')} className="mono cell-wrap">
                          {c.url}
                        </td>
                        <td data-label={t('crawl.captures.sha')} className="mono" title={c.warcSha256}>
                          {c.warcSha256.slice(0, 16)}…
                        </td>
                        <td data-label={t('crawl.captures.item')}>{c.itemId ? <Link to={`/items/${c.itemId}`}>{t('crawl.captures.openItem')}</Link> : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      </div>
    </>
  );
}
