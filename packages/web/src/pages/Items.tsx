import { useI18n } from '../i18n';
import { Link, useRouter } from '../app/router';
import { PageTitle } from '../components/ui';
import { ItemsList } from './items/ItemsList';
import { ItemDetail } from './items/ItemDetail';
import { AnalyzeText } from './items/AnalyzeText';
import { lastListSearch } from './items/filters';
import { NotFound } from './Problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The items module: search (`/items?…`), one item (`/items/{id}`), and text analysis (`/items/analyze`). */
export function Items() {
  const { t } = useI18n();
  const { path, search } = useRouter();

  let section: 'list' | 'item' | 'analyze' | null = null;
  let itemId: string | null = null;
  if (path === '/items') section = 'list';
  else if (path === '/items/analyze') section = 'analyze';
  else {
    const m = /^\/items\/([^/]+)$/.exec(path);
    if (m && UUID.test(m[1]!)) {
      section = 'item';
      itemId = m[1]!;
    }
  }
  if (!section) return <NotFound />;

  const sectionTitle = section === 'analyze' ? t('items.analyze.title') : section === 'item' ? t('items.detail.title') : t('items.list.title');
  return (
    <>
      <PageTitle key={section === 'item' ? `item:${itemId}` : section} title={`${sectionTitle} · ${t('nav.items')}`}>
        {t('nav.items')}
      </PageTitle>
      <nav className="subnav" aria-label={t('items.tabs')}>
        <ul>
          <li>
            <Link to={`/items${section === 'list' ? search : lastListSearch()}`} current={section === 'list' || section === 'item'}>
              {t('items.list.title')}
            </Link>
          </li>
          <li>
            <Link to="/items/analyze" current={section === 'analyze'}>
              {t('items.analyze.title')}
            </Link>
          </li>
        </ul>
      </nav>
      {section === 'list' ? <ItemsList /> : null}
      {section === 'item' && itemId ? <ItemDetail key={itemId} id={itemId} /> : null}
      {section === 'analyze' ? <AnalyzeText /> : null}
    </>
  );
}
