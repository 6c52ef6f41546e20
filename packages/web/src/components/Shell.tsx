import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Link, useRouter } from '../app/router';
import { useSession, useUser } from '../app/session';
import { modulesFor } from '../app/modules';
import { LanguageSwitch } from './ui';

/** The signed-in frame: skip link, header (product, language, user, sign-out), navigation and main region. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { path } = useRouter();
  const { signOut } = useSession();
  const user = useUser();
  const [menuOpen, setMenuOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  // Close the small-screen menu after navigating.
  useEffect(() => setMenuOpen(false), [path]);

  const modules = modulesFor(user.roles);
  const isCurrent = (p: string) => (p === '/' ? path === '/' : path === p || path.startsWith(`${p}/`));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="brand-row">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t('app.name')}
          </Link>
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            {t('header.menu')}
          </button>
        </div>
        <div className="header-tools">
          <LanguageSwitch />
          <div className="user-box">
            <span className="visually-hidden">{t('header.user')}: </span>
            <Link to="/account" className="user-link" current={isCurrent('/account')} data-testid="current-user">
              <span className="user-name">{user.displayName || user.email}</span>
              {user.displayName ? <span className="user-email">{user.email}</span> : null}
            </Link>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={signingOut}
              onClick={() => {
                setSigningOut(true);
                void signOut();
              }}
            >
              {t('header.signOut')}
            </button>
          </div>
        </div>
      </header>
      <div className="body-row">
        <nav id="main-nav" className={menuOpen ? 'main-nav open' : 'main-nav'} aria-label={t('nav.label')}>
          <ul>
            <li>
              <Link to="/" current={isCurrent('/')}>
                {t('nav.home')}
              </Link>
            </li>
            {modules.map((m) => (
              <li key={m.id}>
                <Link to={m.path} current={isCurrent(m.path)}>
                  {t(m.label)}
                </Link>
              </li>
            ))}
            <li className="nav-separated">
              <Link to="/account" current={isCurrent('/account')}>
                {t('nav.account')}
              </Link>
            </li>
          </ul>
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="site-footer">
        <p>{t('app.tagline')}</p>
      </footer>
    </div>
  );
}
