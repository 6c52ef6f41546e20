import { useI18n } from '../i18n';
import { Link, useRouter } from '../app/router';
import { useSession } from '../app/session';
import { PageTitle } from '../components/ui';
import { NotFound } from './Problem';
import { QueueList } from './queue/QueueList';
import { Review } from './queue/Review';
import { Providers } from './queue/Providers';
import { Metrics } from './queue/Metrics';
import './queue/queue.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The hotline module: the triage queue (`/queue`), one subject's review (`/queue/{id}`), providers and times. */
export function Queue() {
  const { t } = useI18n();
  const { path } = useRouter();
  const { state } = useSession();
  const isAdmin = state.status === 'signedIn' && state.user.roles.includes('admin');

  let section: 'list' | 'review' | 'providers' | 'metrics' | null = null;
  let subjectId: string | null = null;
  if (path === '/queue') section = 'list';
  else if (path === '/queue/providers') section = 'providers';
  else if (path === '/queue/metrics') section = 'metrics';
  else {
    const m = /^\/queue\/([^/]+)$/.exec(path);
    if (m && UUID.test(m[1]!)) {
      section = 'review';
      subjectId = m[1]!;
    }
  }
  if (!section) return <NotFound />;
  const titles = { list: 'hotline.queue.title', review: 'hotline.review.title', providers: 'hotline.providers.title', metrics: 'hotline.metrics.title' } as const;
  return (
    <>
      <PageTitle key={section === 'review' ? `review:${subjectId}` : section} title={`${t(titles[section])} · ${t('nav.queue')}`}>
        {t('nav.queue')}
      </PageTitle>
      <nav className="subnav" aria-label={t('hotline.tabs')}>
        <ul>
          <li>
            <Link to="/queue" current={section === 'list' || section === 'review'}>
              {t('hotline.queue.title')}
            </Link>
          </li>
          <li>
            <Link to="/queue/providers" current={section === 'providers'}>
              {t('hotline.providers.title')}
            </Link>
          </li>
          <li>
            <Link to="/queue/metrics" current={section === 'metrics'}>
              {t('hotline.metrics.title')}
            </Link>
          </li>
        </ul>
      </nav>
      {section === 'list' ? <QueueList /> : null}
      {section === 'review' && subjectId ? <Review key={subjectId} id={subjectId} /> : null}
      {section === 'providers' ? <Providers canEdit={isAdmin} /> : null}
      {section === 'metrics' ? <Metrics /> : null}
    </>
  );
}
