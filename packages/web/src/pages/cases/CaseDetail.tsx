import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { useUser } from '../../app/session';
import { ErrorAlert, Spinner } from '../../components/ui';
import * as api from '../../api/cases';
import { keyed, picklistLabel } from './labels';
import { CaseNew } from './CaseNew';
import { ConsentTab } from './ConsentTab';
import { ReferralsTab } from './ReferralsTab';
import { TasksTab } from './TasksTab';

const TABS = ['summary', 'edit', 'consent', 'referrals', 'tasks', 'access'] as const;
type Tab = (typeof TABS)[number];
const PICKLIST_FIELDS: Record<string, string> = {
  'case.status': 'cas_Status',
  'person.gender': 'prs_Gender',
  'victim.traffickingStatus': 'vic_TraffickingStatus',
  'victim.typeOfExploitation': 'vic_TypeOfExploitation',
  'victim.methodsOfControl': 'vic_MethodsOfControl',
  'events.type': 'hte_Type',
};

/** One case, with a tab per part (HTCDS sections, consent, referrals, who read it). Every load is logged by the server. */
export function CaseDetail({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useUser();
  const [tab, setTab] = useState<Tab>('summary');
  const [view, setView] = useState<api.CaseView | null>(null);
  const [vocabulary, setVocabulary] = useState<api.Vocabulary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  useEffect(() => {
    Promise.all([api.getCase(id), api.getVocabulary()]).then(([c, v]) => {
      setView(c);
      setVocabulary(v);
    }, setError);
  }, [id]);

  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  const onKey = useCallback((e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  }, [tab]);

  if (error) return <ErrorAlert message={errorMessage(error, i18n)} />;
  if (!view) return <Spinner />;
  const value = (section: string, field: string, v: unknown): string => {
    const pl = PICKLIST_FIELDS[`${section}.${field}`];
    if (pl) return (Array.isArray(v) ? v : [v]).map((x) => picklistLabel(i18n.lang, vocabulary, pl, String(x))).join(', ');
    return Array.isArray(v) ? v.join(', ') : String(v);
  };
  const renderSection = (section: string, obj: Record<string, unknown>, key: string) => (
    <dl className="meta-list" key={key}>
      {Object.entries(obj).map(([field, v]) => (
        <div key={field}>
          <dt>{keyed(t, 'cases.field', field)}</dt>
          <dd>{value(section, field, v)}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <>
      <p className="muted">
        {t('cases.detail.meta', { id: view.id.slice(-8), version: view.version, retention: view.retentionUntil })}
      </p>
      <div role="tablist" aria-label={t('cases.detail.tabs')} className="subnav" onKeyDown={onKey}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`case-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`case-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className={tab === name ? 'button button-primary button-small' : 'button button-secondary button-small'}
            onClick={() => setTab(name)}
          >
            {t(`cases.tab.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`case-panel-${tab}`} aria-labelledby={`case-tab-${tab}`} tabIndex={0}>
        {tab === 'summary' ? (
          <>
            {view.warnings.length > 0 ? (
              <div className="callout callout-warn">
                <p>{t('cases.detail.warnings', { n: view.warnings.length })}</p>
              </div>
            ) : null}
            {(['case', 'person', 'victim'] as const).map((s) =>
              view.record[s] ? (
                <section key={s} aria-labelledby={`case-s-${s}`}>
                  <h2 id={`case-s-${s}`}>{t(`cases.section.${s}`)}</h2>
                  {renderSection(s, view.record[s] as Record<string, unknown>, s)}
                </section>
              ) : null,
            )}
            {(['events', 'supportPlans', 'comments'] as const).map((s) => {
              const items = view.record[s] as Record<string, unknown>[] | undefined;
              return items && items.length > 0 ? (
                <section key={s} aria-labelledby={`case-s-${s}`}>
                  <h2 id={`case-s-${s}`}>{t(`cases.section.${s}`)}</h2>
                  {items.map((e, i) => renderSection(s, e, `${s}${i}`))}
                </section>
              ) : null;
            })}
          </>
        ) : null}
        {tab === 'edit' ? (
          <CaseNew
            key={view.version}
            existing={view}
            onSaved={(next) => {
              setView(next);
              setTab('summary');
            }}
          />
        ) : null}
        {tab === 'consent' ? <ConsentTab caseId={id} /> : null}
        {tab === 'referrals' ? <ReferralsTab caseId={id} vocabulary={vocabulary} canOverride={user.roles.includes('supervisor')} /> : null}
        {tab === 'tasks' ? <TasksTab caseId={id} /> : null}
        {tab === 'access' ? <AccessLog caseId={id} /> : null}
      </div>
    </>
  );
}

function AccessLog({ caseId }: { caseId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [entries, setEntries] = useState<api.AccessLogEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.getAccessLog(caseId).then(setEntries, setError);
  }, [caseId]);
  if (error) return <ErrorAlert message={errorMessage(error, i18n)} />;
  if (!entries) return <Spinner />;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="access-log">
        <caption>{t('access.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('access.col.when')}</th>
            <th scope="col">{t('access.col.who')}</th>
            <th scope="col">{t('access.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={i}>
              <td>{i18n.formatDateTime(e.at)}</td>
              <td>{e.displayName ?? '—'}</td>
              <td>{keyed(t, 'access.action', e.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
