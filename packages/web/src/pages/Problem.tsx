import { useI18n } from '../i18n';
import { Link } from '../app/router';
import { PageTitle } from '../components/ui';

export function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('error.not_found')}>{t('error.not_found')}</PageTitle>
      <p>
        <Link to="/">{t('notInstalled.back')}</Link>
      </p>
    </>
  );
}

export function Forbidden() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('error.forbidden')}>{t('error.forbidden')}</PageTitle>
      <p>
        <Link to="/">{t('notInstalled.back')}</Link>
      </p>
    </>
  );
}
