import { useI18n } from '../i18n';
import { Link, useRouter } from '../app/router';
import { PageTitle } from '../components/ui';
import { UsersAdmin } from './UsersAdmin';
import { ApiKeysAdmin } from './ApiKeysAdmin';
import { NotFound } from './Problem';

export function Admin() {
  const { t } = useI18n();
  const { path } = useRouter();
  const section = path === '/admin' || path === '/admin/users' ? 'users' : path === '/admin/api-keys' ? 'apiKeys' : null;
  if (!section) return <NotFound />;
  const title = section === 'users' ? t('users.title') : t('apiKeys.title');

  return (
    <>
      <PageTitle key={section} title={`${title} · ${t('admin.title')}`}>
        {t('admin.title')}
      </PageTitle>
      <nav className="subnav" aria-label={t('admin.tabs')}>
        <ul>
          <li>
            <Link to="/admin/users" current={section === 'users'}>
              {t('admin.users')}
            </Link>
          </li>
          <li>
            <Link to="/admin/api-keys" current={section === 'apiKeys'}>
              {t('admin.apiKeys')}
            </Link>
          </li>
        </ul>
      </nav>
      {section === 'users' ? <UsersAdmin /> : <ApiKeysAdmin />}
    </>
  );
}
