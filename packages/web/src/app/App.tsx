import { lazy, Suspense, useEffect } from 'react';
import { useI18n } from '../i18n';
import { errorMessage } from '../i18n/errors';
import { useRouter } from './router';
import { useSession } from './session';
import { moduleForPath } from './modules';
import { Shell } from '../components/Shell';
import { ErrorAlert, LanguageSwitch, Spinner } from '../components/ui';
import { SignIn } from '../pages/SignIn';
import { Home } from '../pages/Home';
import { NotInstalled } from '../pages/NotInstalled';
import { Admin } from '../pages/Admin';
import { Hashes } from '../pages/Hashes';
import { Items } from '../pages/Items';
import { Queue } from '../pages/Queue';
import { Account } from '../pages/Account';
import { Crawler } from '../pages/Crawler';
import { Forbidden, NotFound } from '../pages/Problem';

// Cases, referrals, statistics and the directory (#8) load on first visit, keeping the first page light;
// the networks module carries a graph library and map data, loaded only when opened.
const Cases = lazy(() => import('../pages/Cases').then((m) => ({ default: m.Cases })));
const Referrals = lazy(() => import('../pages/Referrals').then((m) => ({ default: m.Referrals })));
const Statistics = lazy(() => import('../pages/Statistics').then((m) => ({ default: m.Statistics })));
const Directory = lazy(() => import('../pages/Directory').then((m) => ({ default: m.Directory })));
const Networks = lazy(() => import('../pages/Networks').then((m) => ({ default: m.Networks })));

function Page() {
  const { path } = useRouter();
  const { state } = useSession();
  if (state.status !== 'signedIn') return null;
  const roles = state.user.roles;

  if (path === '/') return <Home />;
  if (path === '/account') return <Account />;
  const mod = moduleForPath(path);
  if (!mod) return <NotFound />;
  if (!mod.roles.some((r) => roles.includes(r))) return <Forbidden />;
  if (mod.id === 'admin') return <Admin />;
  if (mod.id === 'hashes') return <Hashes />;
  if (mod.id === 'items') return <Items />;
  if (mod.id === 'cases') return <Suspense fallback={<Spinner />}><Cases /></Suspense>;
  if (mod.id === 'statistics' && path === mod.path) return <Suspense fallback={<Spinner />}><Statistics /></Suspense>;
  if (mod.id === 'referrals' && path === mod.path) return <Suspense fallback={<Spinner />}><Referrals /></Suspense>;
  if (mod.id === 'directory' && path === mod.path) return <Suspense fallback={<Spinner />}><Directory /></Suspense>;
  if (mod.id === 'networks') return <Suspense fallback={<Spinner />}><Networks /></Suspense>;
  if (mod.id === 'crawler') return <Crawler />;
  if (mod.id === 'queue') return <Queue />;
  if (path !== mod.path) return <NotFound />;
  return <NotInstalled key={mod.id} module={mod} />;
}

export function App() {
  const i18n = useI18n();
  const { state, reload } = useSession();
  const { path, navigate } = useRouter();

  // After signing out, start again from the home path so the next person does not land on the previous page.
  useEffect(() => {
    if (state.status === 'signedOut' && state.notice === 'signin.signedOut' && path !== '/') navigate('/', { replace: true });
  }, [state, path, navigate]);

  if (state.status === 'loading') {
    return (
      <main id="main" className="signin-main">
        <Spinner />
      </main>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="signin-page">
        <header className="signin-header">
          <span className="brand">{i18n.t('app.name')}</span>
          <LanguageSwitch />
        </header>
        <main id="main" className="signin-main">
          <div className="card signin-card">
            <ErrorAlert message={errorMessage(state.error, i18n)} />
            <button type="button" className="button button-primary" onClick={reload}>
              {i18n.t('common.retry')}
            </button>
          </div>
        </main>
      </div>
    );
  }
  if (state.status === 'signedOut') return <SignIn notice={state.notice} />;
  return (
    <Shell>
      <Page key={path} />
    </Shell>
  );
}
