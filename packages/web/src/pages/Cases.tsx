import { useI18n } from '../i18n';
import { Link, useRouter } from '../app/router';
import { PageTitle } from '../components/ui';
import { NotFound } from './Problem';
import { CasesList } from './cases/CasesList';
import { CaseNew } from './cases/CaseNew';
import { CaseDetail } from './cases/CaseDetail';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cases module: the list (`/cases`, names hidden), a new case (`/cases/new`) and one case (`/cases/{id}`). */
export function Cases() {
  const { t } = useI18n();
  const { path } = useRouter();
  let section: 'list' | 'new' | 'case' | null = null;
  let caseId: string | null = null;
  if (path === '/cases') section = 'list';
  else if (path === '/cases/new') section = 'new';
  else {
    const m = /^\/cases\/([^/]+)$/.exec(path);
    if (m && UUID.test(m[1]!)) {
      section = 'case';
      caseId = m[1]!;
    }
  }
  if (!section) return <NotFound />;
  const title = section === 'new' ? t('cases.new.title') : section === 'case' ? t('cases.detail.title') : t('cases.list.title');
  return (
    <>
      <PageTitle key={section === 'case' ? `case:${caseId}` : section} title={`${title} · ${t('nav.cases')}`}>
        {title}
      </PageTitle>
      <nav className="subnav" aria-label={t('cases.sections')}>
        <ul>
          <li>
            <Link to="/cases" current={section === 'list' || section === 'case'}>
              {t('cases.list.title')}
            </Link>
          </li>
          <li>
            <Link to="/cases/new" current={section === 'new'}>
              {t('cases.new.title')}
            </Link>
          </li>
        </ul>
      </nav>
      {section === 'list' ? <CasesList /> : null}
      {section === 'new' ? <CaseNew /> : null}
      {section === 'case' && caseId ? <CaseDetail key={caseId} id={caseId} /> : null}
    </>
  );
}
