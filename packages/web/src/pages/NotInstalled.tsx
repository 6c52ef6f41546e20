import { useI18n } from '../i18n';
import type { ModuleDef } from '../app/modules';
import { Link } from '../app/router';
import { PageTitle } from '../components/ui';

/** An honest placeholder for a capability that this version does not ship yet: no sample or fake data. */
export function NotInstalled({ module }: { module: ModuleDef }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t(module.label)}>{t(module.label)}</PageTitle>
      <p className="muted">{t(module.description)}</p>
      <section className="callout callout-info" aria-labelledby="not-installed">
        <h2 id="not-installed">{t('notInstalled.heading')}</h2>
        <p>{t('notInstalled.body')}</p>
        <p>{t('notInstalled.noData')}</p>
      </section>
      <p>
        <Link to="/">{t('notInstalled.back')}</Link>
      </p>
    </>
  );
}
