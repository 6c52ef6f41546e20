import { useEffect, useState } from 'react';
import type { Place } from '../../api/networks';
import { useI18n } from '../../i18n';
import { Link } from '../../app/router';
import { useAccessReason } from '../../app/purpose';
import { PurposeForm, PurposeSummary, useNeedsPurpose } from '../items/PurposeForm';

export const placeName = (p: Place, lang: string): string => (lang === 'es' ? p.nameEs : p.nameEn);

export const entityPath = (type: string, value: string): string =>
  type === 'template' ? `/networks/clusters/${encodeURIComponent(value)}` : `/networks/entities/${encodeURIComponent(type)}/${encodeURIComponent(value)}`;

export function EntityLink({ type, value }: { type: string; value: string }) {
  return (
    <Link to={entityPath(type, value)} className="untrusted-text-inline">
      {value}
    </Link>
  );
}

/** Loads with the investigator's stated purpose; asks for it first when needed. */
export function useReasonedLoad<T>(load: (reason: ReturnType<typeof useAccessReason>) => Promise<T>, deps: unknown[]) {
  const reason = useAccessReason();
  const needsPurpose = useNeedsPurpose();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const blocked = needsPurpose && !reason;
  useEffect(() => {
    if (blocked) return;
    let live = true;
    setError(null);
    load(reason).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [blocked, reason, ...deps]);
  return { data, error, blocked };
}

export function PurposeGate() {
  return <PurposeForm />;
}

export function useDateFormat(): (iso: string | null | undefined) => string {
  const { formatDateTime, t } = useI18n();
  return (iso) => (iso ? formatDateTime(iso) : t('networks.facts.none'));
}

/** "1 ad" / "n ads" in the reader's language. */
export function adCount(t: ReturnType<typeof useI18n>['t'], count: number): string {
  return count === 1 ? t('networks.clusters.countOne') : t('networks.clusters.count', { count });
}

/** The top of a network, cluster or entity page: the way back to the list, and the purpose stated for this reading. */
export function DetailTop() {
  const { t } = useI18n();
  const needsPurpose = useNeedsPurpose();
  return (
    <>
      <p>
        <Link to="/networks">{t('networks.detail.back')}</Link>
      </p>
      {needsPurpose ? <PurposeSummary /> : null}
    </>
  );
}
