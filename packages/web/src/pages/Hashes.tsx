import { useI18n } from '../i18n';
import { Link, useRouter } from '../app/router';
import { useUser } from '../app/session';
import { PageTitle } from '../components/ui';
import { BanksList } from './BanksList';
import { BankDetail } from './BankDetail';
import { MatchTester } from './MatchTester';
import { Forbidden, NotFound } from './Problem';

/** Who may do what in this module. The server enforces the same rules on every call. */
export function useBankAccess(): { canRead: boolean; canManage: boolean } {
  const { roles } = useUser();
  const canManage = roles.includes('admin');
  return { canManage, canRead: canManage || roles.includes('analyst') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The hash matching module: hash banks (`/hashes/banks`, `/hashes/banks/{id}`) and the match tester (`/hashes/match`). */
export function Hashes() {
  const { t } = useI18n();
  const { path } = useRouter();
  const { canRead } = useBankAccess();

  let section: 'banks' | 'bank' | 'match' | null = null;
  let bankId: string | null = null;
  if (path === '/hashes') section = canRead ? 'banks' : 'match';
  else if (path === '/hashes/banks') section = 'banks';
  else if (path === '/hashes/match') section = 'match';
  else {
    const m = /^\/hashes\/banks\/([^/]+)$/.exec(path);
    if (m && UUID.test(m[1]!)) {
      section = 'bank';
      bankId = m[1]!;
    }
  }
  if (!section) return <NotFound />;
  if ((section === 'banks' || section === 'bank') && !canRead) return <Forbidden />;

  const sectionTitle = section === 'match' ? t('match.title') : t('banks.title');
  return (
    <>
      <PageTitle key={section} title={`${sectionTitle} · ${t('nav.hashes')}`}>
        {t('nav.hashes')}
      </PageTitle>
      <nav className="subnav" aria-label={t('hashes.tabs')}>
        <ul>
          {canRead ? (
            <li>
              <Link to="/hashes/banks" current={section === 'banks' || section === 'bank'}>
                {t('banks.title')}
              </Link>
            </li>
          ) : null}
          <li>
            <Link to="/hashes/match" current={section === 'match'}>
              {t('match.title')}
            </Link>
          </li>
        </ul>
      </nav>
      {section === 'banks' ? <BanksList /> : null}
      {section === 'bank' && bankId ? <BankDetail id={bankId} /> : null}
      {section === 'match' ? <MatchTester /> : null}
    </>
  );
}
