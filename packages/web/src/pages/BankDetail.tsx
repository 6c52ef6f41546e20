import { actorName } from '../i18n/actor';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { useMsg, type Msg } from '../i18n/msg';
import { errorMessage } from '../i18n/errors';
import { lineReason } from '../i18n/lineReasons';
import * as api from '../api/client';
import { Link, useRouter } from '../app/router';
import { ErrorAlert, Spinner, StatusNotice } from '../components/ui';
import { useBankAccess } from './Hashes';
import { BANK_NAME_PATTERN } from './BanksList';

const FORMAT_LABEL: Record<api.BankFormat, MessageKey> = {
  csv: 'banks.format.csv',
  lines: 'banks.format.lines',
  te: 'banks.format.te',
};
const FORMAT_HINT: Record<api.BankFormat, MessageKey> = {
  csv: 'banks.format.csvHint',
  lines: 'banks.format.linesHint',
  te: 'banks.format.teHint',
};
const PAGE_SIZES = [25, 50, 100] as const;

/** A file's likely format from its name; the person can always change it. */
function guessFormat(name: string): api.BankFormat {
  return /\.csv$/i.test(name) ? 'csv' : 'lines';
}

function formatBytes(n: number, lang: string): string {
  const nf = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  if (n >= 1024 * 1024) return `${nf.format(n / (1024 * 1024))} MB`;
  if (n >= 1024) return `${nf.format(n / 1024)} KB`;
  return `${nf.format(n)} B`;
}

/** The import report: counts, then every refused line with its number and reason. */
export function ImportReportView({ report, refused }: { report: api.ImportReport; refused: boolean }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className={refused ? 'report report-refused' : 'report'} aria-labelledby={`${id}-title`} data-testid="import-report">
      <h3 id={`${id}-title`}>{refused ? t('banks.import.refusedTitle') : t('banks.import.doneTitle')}</h3>
      <dl className="counts">
        <div>
          <dt>{t('banks.import.read')}</dt>
          <dd data-testid="count-read">{report.read}</dd>
        </div>
        <div>
          <dt>{t('banks.import.added')}</dt>
          <dd data-testid="count-added">{report.added}</dd>
        </div>
        <div>
          <dt>{t('banks.import.duplicates')}</dt>
          <dd data-testid="count-duplicates">{report.duplicates}</dd>
        </div>
        <div>
          <dt>{t('banks.import.invalid')}</dt>
          <dd data-testid="count-invalid">{report.invalidCount}</dd>
        </div>
      </dl>
      {report.invalid.length > 0 ? (
        <>
          <h4>{refused ? t('banks.import.invalidLinesRefused') : t('banks.import.invalidLinesSkipped')}</h4>
          <ul className="line-errors" data-testid="invalid-lines">
            {report.invalid.map((l) => {
              const reason = lineReason(l, t);
              return (
                <li key={l.line}>
                  <span className="line-no">{t('banks.import.line', { line: l.line })}</span>{' '}
                  {reason ?? <span lang="en">{l.reason}</span>}
                </li>
              );
            })}
          </ul>
          {report.invalidCount > report.invalid.length ? <p className="muted">{t('banks.import.moreInvalid', { count: report.invalidCount - report.invalid.length })}</p> : null}
        </>
      ) : null}
    </section>
  );
}

function ImportForm({ bank, onImported }: { bank: api.Bank; onImported: () => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const msg = useMsg();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<api.BankFormat>('csv');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [progress, setProgress] = useState<api.UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<Msg | null>(null);
  const [result, setResult] = useState<{ report: api.ImportReport; refused: boolean } | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    setResult(null);
    if (!file) {
      setLocalError({ key: 'banks.import.noFile' });
      fileRef.current?.focus();
      return;
    }
    setLocalError(null);
    setBusy(true);
    setProgress({ loaded: 0, total: file.size });
    const ctrl = new AbortController();
    abortRef.current = ctrl;
    try {
      const report = await api.importBankFile(bank.id, file, { format, skipInvalid, onProgress: setProgress, signal: ctrl.signal });
      setResult({ report, refused: false });
      onImported();
    } catch (err) {
      const report = api.importReportOf(err);
      if (report) setResult({ report, refused: true });
      if (!(err instanceof api.ApiError && err.code === 'aborted')) setError(err);
    } finally {
      abortRef.current = null;
      setBusy(false);
      setProgress(null);
    }
  };

  const pct = progress && progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : null;
  const uploaded = progress !== null && progress.total > 0 && progress.loaded >= progress.total;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('banks.import.title')}</h2>
      <p className="muted">{t('banks.import.intro')}</p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : msg(localError)} />
      <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('banks.import.file')}</label>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            accept=".csv,.txt,.tsv,text/csv,text/plain"
            aria-invalid={localError ? true : undefined}
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              setResult(null);
              setError(null);
              setLocalError(null);
              if (f) setFormat(guessFormat(f.name));
            }}
          />
          {file ? <p className="hint">{t('banks.import.chosen', { name: file.name, size: formatBytes(file.size, lang) })}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('banks.format')}</label>
          <select id={`${id}-format`} value={format} aria-describedby={`${id}-format-hint`} onChange={(e) => setFormat(e.target.value as api.BankFormat)}>
            {api.BANK_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_LABEL[f])}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-format-hint`}>
            {t(FORMAT_HINT[format])}
          </p>
        </div>
        <div className="checkbox-item">
          <input id={`${id}-skip`} type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
          <label htmlFor={`${id}-skip`}>
            {t('banks.import.skipInvalid')}
            <span className="checkbox-desc"> — {t('banks.import.skipInvalidHint')}</span>
          </label>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('banks.import.importing') : t('banks.import.submit')}
          </button>
          {busy ? (
            <button type="button" className="button button-secondary" onClick={() => abortRef.current?.abort()}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
        {busy ? (
          <div className="progress-row" data-testid="import-progress">
            <label htmlFor={`${id}-progress`}>{uploaded || pct === null ? t('banks.import.processing') : t('banks.import.uploading', { pct })}</label>
            {/* Determinate while bytes are being sent, indeterminate while the server reads the file. */}
            {pct !== null && !uploaded ? <progress id={`${id}-progress`} max={100} value={pct} /> : <progress id={`${id}-progress`} />}
          </div>
        ) : null}
      </form>
      {result ? <ImportReportView report={result.report} refused={result.refused} /> : null}
    </section>
  );
}

function ExportForm({ bank }: { bank: api.Bank }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [format, setFormat] = useState<api.BankFormat>('csv');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await api.downloadBankExport(bank, format);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('banks.export.title')}</h2>
      <p className="muted">{t('banks.export.intro')}</p>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      <form className="form form-inline" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('banks.format')}</label>
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as api.BankFormat)}>
            {api.BANK_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_LABEL[f])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('banks.export.preparing') : t('banks.export.submit')}
        </button>
      </form>
      {format === 'te' ? <p className="hint">{t('banks.export.teNote')}</p> : null}
    </section>
  );
}

function EditBankForm({ bank, onSaved, onCancel }: { bank: api.Bank; onSaved: (b: api.Bank) => void; onCancel: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const msg = useMsg();
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(bank.name);
  const [description, setDescription] = useState(bank.description ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<Msg | null>(null);
  useEffect(() => nameRef.current?.focus(), []);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    const clean = name.trim();
    if (!BANK_NAME_PATTERN.test(clean)) {
      setLocalError({ key: clean ? 'error.bank.invalid_name' : 'banks.create.missing' });
      return;
    }
    setLocalError(null);
    const input: { name?: string; description?: string | null } = {};
    if (clean !== bank.name) input.name = clean;
    const desc = description.trim() || null;
    if (desc !== bank.description) input.description = desc;
    if (Object.keys(input).length === 0) {
      onCancel();
      return;
    }
    setBusy(true);
    try {
      onSaved(await api.updateBank(bank.id, input));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form edit-box" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('banks.edit.title')}</h3>
      <ErrorAlert message={error ? errorMessage(error, i18n) : msg(localError)} />
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('banks.name')}</label>
        <p className="hint" id={`${id}-name-hint`}>
          {t('banks.nameHint')}
        </p>
        <input ref={nameRef} id={`${id}-name`} type="text" autoComplete="off" spellCheck={false} maxLength={100} aria-describedby={`${id}-name-hint`} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-desc`}>
          {t('banks.description')} <span className="muted">{t('common.optional')}</span>
        </label>
        <textarea id={`${id}-desc`} rows={2} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function EntriesTable({ bank, canManage }: { bank: api.Bank; canManage: boolean }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const msg = useMsg();
  const id = useId();
  const [pageSize, setPageSize] = useState<number>(25);
  // Keyset paging: the cursors of the pages seen so far (the first page has none).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<api.EntryPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Msg | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const captionRef = useRef<HTMLHeadingElement>(null);
  const pageIndex = cursors.length - 1;

  const after = cursors[cursors.length - 1] ?? null;
  useEffect(() => {
    let live = true;
    setError(null);
    api.listBankEntries(bank.id, { after, limit: pageSize }).then(
      (p) => live && setPage(p),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [bank.id, after, pageSize, pageIndex]);

  const toggle = async (entry: api.BankEntry) => {
    setBusyId(entry.id);
    setError(null);
    try {
      const updated = await api.setBankEntryEnabled(bank.id, entry.id, !entry.enabled);
      setPage((p) => (p ? { ...p, entries: p.entries.map((e) => (e.id === updated.id ? updated : e)) } : p));
      setNotice({ key: updated.enabled ? 'entries.enabledNotice' : 'entries.disabledNotice' });
    } catch (err) {
      setNotice(null);
      setError(err);
    } finally {
      setBusyId(null);
    }
  };

  const go = (next: (string | null)[]) => {
    setNotice(null);
    setCursors(next);
    captionRef.current?.focus({ preventScroll: false });
  };

  const from = pageIndex * pageSize + 1;
  const to = pageIndex * pageSize + (page?.entries.length ?? 0);
  return (
    <section aria-labelledby={`${id}-title`} className="stack">
      <h2 id={`${id}-title`} ref={captionRef} tabIndex={-1} className="focus-target">
        {t('entries.title')}
      </h2>
      <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
      <StatusNotice message={msg(notice)} />
      {page === null && !error ? <Spinner /> : null}
      {page && page.entries.length === 0 && pageIndex === 0 ? <p>{t('entries.empty')}</p> : null}
      {page && page.entries.length > 0 ? (
        <>
          <p className="muted" aria-live="polite" data-testid="entries-range">
            {t('entries.range', { from, to, total: bank.entryCount })}
          </p>
          <div className="table-wrap">
            <table className="data-table responsive-table" data-testid="entries-table">
              <thead>
                <tr>
                  <th scope="col">{t('entries.type')}</th>
                  <th scope="col">{t('entries.hash')}</th>
                  <th scope="col">{t('banks.category')}</th>
                  <th scope="col">{t('banks.source')}</th>
                  <th scope="col">{t('entries.added')}</th>
                  <th scope="col">{t('banks.status')}</th>
                  {canManage ? <th scope="col">{t('common.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {page.entries.map((e) => (
                  <tr key={e.id}>
                    <td data-label={t('entries.type')}>
                      <span className="tag">{e.signalType.toUpperCase()}</span>
                      {e.quality !== null ? <span className="muted small"> {t('entries.quality', { quality: e.quality })}</span> : null}
                    </td>
                    <td data-label={t('entries.hash')} className="hash-cell">
                      <code className="hash">{e.hash}</code>
                      {e.note ? <p className="muted cell-note">{e.note}</p> : null}
                    </td>
                    <td data-label={t('banks.category')}>{e.category ?? '—'}</td>
                    <td data-label={t('banks.source')}>{e.source ?? '—'}</td>
                    <td data-label={t('entries.added')}>{formatDateTime(e.addedAt)}</td>
                    <td data-label={t('banks.status')}>
                      <span className={e.enabled ? 'badge badge-ok' : 'badge badge-warn'}>{e.enabled ? t('banks.enabled') : t('banks.disabled')}</span>
                    </td>
                    {canManage ? (
                      <td data-label={t('common.actions')}>
                        <button
                          type="button"
                          className={e.enabled ? 'button button-danger button-small' : 'button button-secondary button-small'}
                          disabled={busyId === e.id}
                          onClick={() => void toggle(e)}
                          aria-label={`${e.enabled ? t('entries.disable') : t('entries.enable')}: ${e.signalType} ${e.hash.slice(0, 12)}…`}
                        >
                          {e.enabled ? t('entries.disable') : t('entries.enable')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <nav className="pager" aria-label={t('entries.paging')}>
        <button type="button" className="button button-secondary button-small" disabled={pageIndex === 0} onClick={() => go(cursors.slice(0, -1))}>
          {t('entries.previous')}
        </button>
        <span className="pager-page">{t('entries.page', { page: pageIndex + 1 })}</span>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={!page?.next}
          onClick={() => {
            if (page?.next) go([...cursors, page.next]);
          }}
        >
          {t('entries.next')}
        </button>
        <label className="pager-size" htmlFor={`${id}-size`}>
          {t('entries.pageSize')}
        </label>
        <select id={`${id}-size`} className="select-small" value={pageSize} onChange={(e) => {
            setPageSize(Number(e.target.value));
            setCursors([null]);
          }}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </nav>
    </section>
  );
}

export function BankDetail({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const msg = useMsg();
  const { navigate } = useRouter();
  const { canManage } = useBankAccess();
  const [bank, setBank] = useState<api.Bank | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Msg | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const deleteButtonRef = useRef<HTMLButtonElement>(null);

  const load = useCallback(() => {
    api.getBank(id).then(setBank, setError);
  }, [id]);
  useEffect(load, [load]);

  // After closing the rename form or the delete confirmation, keyboard focus goes back to the button that opened it.
  const [returnFocus, setReturnFocus] = useState<'edit' | 'delete' | null>(null);
  useEffect(() => {
    if (returnFocus === 'edit') editButtonRef.current?.focus();
    if (returnFocus === 'delete') deleteButtonRef.current?.focus();
  }, [returnFocus]);

  if (!bank) {
    return (
      <>
        <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
        {!error ? <Spinner /> : null}
        <p>
          <Link to="/hashes/banks">{t('banks.back')}</Link>
        </p>
      </>
    );
  }

  const patch = async (input: { enabled: boolean }) => {
    setBusy(true);
    setError(null);
    try {
      const b = await api.updateBank(bank.id, input);
      setBank(b);
      setNotice({ key: b.enabled ? 'banks.enabledNotice' : 'banks.disabledNotice', vars: { name: b.name } });
    } catch (err) {
      setNotice(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.deleteBank(bank.id);
      navigate('/hashes/banks');
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <p>
        <Link to="/hashes/banks">{t('banks.back')}</Link>
      </p>
      <section className="card" aria-labelledby="bank-title">
        <h2 id="bank-title" data-testid="bank-name">
          {t('banks.bankTitle', { name: bank.name })}
        </h2>
        <ErrorAlert message={error ? errorMessage(error, i18n) : null} />
        <StatusNotice message={msg(notice)} />
        {bank.description ? <p>{bank.description}</p> : null}
        <dl className="details">
          <dt>{t('banks.status')}</dt>
          <dd>
            <span className={bank.enabled ? 'badge badge-ok' : 'badge badge-warn'} data-testid="bank-status">
              {bank.enabled ? t('banks.enabled') : t('banks.disabled')}
            </span>{' '}
            <span className="muted">{bank.enabled ? t('banks.enabledHint') : t('banks.disabledHint')}</span>
          </dd>
          <dt>{t('banks.entries')}</dt>
          <dd data-testid="bank-entry-count">{bank.entryCount.toLocaleString()}</dd>
          <dt>{t('banks.createdBy')}</dt>
          <dd>
            {actorName(bank.createdBy, bank.createdByName, t)} · {formatDateTime(bank.createdAt)}
          </dd>
          <dt>{t('banks.updatedAt')}</dt>
          <dd>{formatDateTime(bank.updatedAt)}</dd>
        </dl>

        {canManage && !editing && !confirmDelete ? (
          <div className="button-row actions-row">
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void patch({ enabled: !bank.enabled })}>
              {bank.enabled ? t('banks.disable') : t('banks.enable')}
            </button>
            <button type="button" ref={editButtonRef} className="button button-secondary" onClick={() => {
                setReturnFocus(null);
                setEditing(true);
              }}>
              {t('banks.edit.open')}
            </button>
            <button type="button" ref={deleteButtonRef} className="button button-danger" onClick={() => {
                setReturnFocus(null);
                setConfirmDelete(true);
              }}>
              {t('banks.delete')}
            </button>
          </div>
        ) : null}

        {canManage && editing ? (
          <EditBankForm
            bank={bank}
            onSaved={(b) => {
              setBank(b);
              setEditing(false);
              setReturnFocus('edit');
              setNotice({ key: 'banks.updated', vars: { name: b.name } });
            }}
            onCancel={() => {
              setEditing(false);
              setReturnFocus('edit');
            }}
          />
        ) : null}

        {canManage && confirmDelete ? (
          <ConfirmDelete bank={bank} busy={busy} onConfirm={() => void remove()} onCancel={() => {
              setConfirmDelete(false);
              setReturnFocus('delete');
            }}
          />
        ) : null}
      </section>

      {canManage ? (
        <ImportForm
          bank={bank}
          onImported={() => {
            load();
            setReloadKey((k) => k + 1);
          }}
        />
      ) : null}
      <ExportForm bank={bank} />
      <EntriesTable key={reloadKey} bank={bank} canManage={canManage} />
    </div>
  );
}

function ConfirmDelete({ bank, busy, onConfirm, onCancel }: { bank: api.Bank; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="confirm-box confirm-danger" role="group" aria-labelledby="confirm-delete-text" ref={ref} tabIndex={-1}>
      <p id="confirm-delete-text">{t('banks.confirmDelete', { name: bank.name, count: bank.entryCount })}</p>
      <div className="button-row">
        <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
          {t('banks.confirmDeleteButton')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
