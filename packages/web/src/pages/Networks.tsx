import type { ReactElement } from 'react';
import { useI18n } from '../i18n';
import { useRouter } from '../app/router';
import { PageTitle } from '../components/ui';
import { NetworksList } from './networks/NetworksList';
import { NetworkDetail } from './networks/NetworkDetail';
import { ClusterView } from './networks/ClusterView';
import { EntityView } from './networks/EntityView';
import { NotFound } from './Problem';
import './networks/networks.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The networks module: list (`/networks`), one network, one template cluster, one entity. */
export function Networks() {
  const { t } = useI18n();
  const { path } = useRouter();
  const network = /^\/networks\/([^/]+)$/.exec(path);
  const cluster = /^\/networks\/clusters\/([^/]+)$/.exec(path);
  const entity = /^\/networks\/entities\/([^/]+)\/([^/]+)$/.exec(path);

  let body: ReactElement;
  let key: string;
  if (path === '/networks') {
    body = <NetworksList />;
    key = 'list';
  } else if (cluster && UUID.test(cluster[1]!)) {
    body = <ClusterView key={cluster[1]} id={cluster[1]!} />;
    key = `cluster:${cluster[1]}`;
  } else if (entity) {
    const type = decodeURIComponent(entity[1]!);
    const value = decodeURIComponent(entity[2]!);
    body = <EntityView key={`${type}:${value}`} type={type} value={value} />;
    key = `entity:${type}:${value}`;
  } else if (network && UUID.test(network[1]!)) {
    body = <NetworkDetail key={network[1]} id={network[1]!} />;
    key = `network:${network[1]}`;
  } else return <NotFound />;
  return (
    <>
      <PageTitle key={key} title={t('nav.networks')}>
        {t('nav.networks')}
      </PageTitle>
      {body}
    </>
  );
}
