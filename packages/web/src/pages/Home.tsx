import { useI18n, isMessageKey } from '../i18n';
import { useUser } from '../app/session';
import { modulesFor } from '../app/modules';
import { Link } from '../app/router';
import { PageTitle } from '../components/ui';

export function roleLabel(role: string, t: ReturnType<typeof useI18n>['t']): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

export function Home() {
  const { t } = useI18n();
  const user = useUser();
  const modules = modulesFor(user.roles);
  const name = user.displayName || user.email;

  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.title')}</PageTitle>
      <p className="lead">{t('home.welcome', { name })}</p>
      <p className="muted">{t('home.rolesIntro', { roles: user.roles.map((r) => roleLabel(r, t)).join(', ') || '—' })}</p>

      {!user.totpEnabled ? (
        <section className="callout" aria-labelledby="home-security">
          <h2 id="home-security">{t('home.securityTitle')}</h2>
          <p>
            {t('home.totpOff')} <Link to="/account">{t('home.totpOffLink')}</Link>
          </p>
        </section>
      ) : null}

      <h2>{t('home.modules')}</h2>
      {modules.length === 0 ? (
        <p>{t('home.noModules')}</p>
      ) : (
        <ul className="module-grid">
          {modules.map((m) => (
            <li key={m.id} className="module-card">
              <h3>
                <Link to={m.path}>{t(m.label)}</Link>
              </h3>
              <p>{t(m.description)}</p>
              <p className={m.installed ? 'badge badge-ok' : 'badge badge-muted'}>
                {m.installed ? t('home.installed') : t('home.notInstalled')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
