import { FetchError, fetcherFor, type SafeFetcher } from '../../net/safeFetch.js';
import type { BlobStore } from '../../blobs/blobStore.js';
import { inTransaction, type ServiceDeps } from '../deps.js';
import { isoNow } from '../clock.js';
import { recordCapture, sealWarc } from './captureStore.js';
import { canonicalUrl, urlHash } from './canonicalUrl.js';

/** What says the content is gone: 404, 410, and 451 (removed for legal reasons). Crawls and rechecks agree on it. */
export function isGoneStatus(status: number | null): boolean {
  return status === 404 || status === 410 || status === 451;
}

export interface RecheckResult {
  state: 'present' | 'gone' | 'error';
  httpStatus: number | null;
  checkedAt: string;
  /** Why the check could not decide (`fetch.timeout`, `http_503`, …), when `state` is `error`. */
  errorCode?: string;
  /** The capture of this check, when evidence was kept (`blobs` given). */
  captureId?: string;
}

export interface RecheckDeps extends ServiceDeps {
  /** When given, the answer is kept as evidence (a `recheck` capture), as removal verification should be. */
  blobs?: BlobStore;
  fetcher?: SafeFetcher;
}

/**
 * Is this URL still online? For removal verification (the hotline's takedown workflow). One safe GET, through the
 * same address policy and limits as the crawler: 404/410/451 → `gone` (451: removed for legal reasons); 2xx (after redirects) → `present`; anything else
 * (429, 5xx, network) → `error`, because an overloaded site has not removed anything. A `gone` answer also marks the
 * page gone in every crawl profile that knows it, keeping the first time it was seen gone.
 */
export async function recheckUrl(deps: RecheckDeps, url: string): Promise<RecheckResult> {
  const fetcher = deps.fetcher ?? fetcherFor(deps.config);
  let status: number | null = null;
  let errorCode: string | undefined;
  let exchanges: import('../../net/safeFetch.js').HttpExchange[] = [];
  try {
    const res = await fetcher.fetch(url, { headers: { Accept: 'text/html, */*;q=0.5' } });
    status = res.status;
    exchanges = res.exchanges;
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    errorCode = err.code;
    exchanges = err.exchanges;
    status = err.exchanges.at(-1)?.status ?? null;
  }
  const checkedAt = deps.clock.now();
  const state: RecheckResult['state'] = errorCode ? 'error' : isGoneStatus(status) ? 'gone' : status !== null && status >= 200 && status < 300 ? 'present' : 'error';
  if (state === 'error' && !errorCode) errorCode = `http_${status}`;
  let captureId: string | undefined;
  const canonical = canonicalUrl(url);
  await inTransaction(deps, async (tx) => {
    if (deps.blobs && exchanges.length > 0) {
      const meta = { kind: 'recheck' as const, url, runId: null, profile: null };
      const warc = await sealWarc(deps.blobs, exchanges, meta, checkedAt);
      captureId = (await recordCapture(tx, warc, exchanges, meta, checkedAt)).id;
    }
    if (canonical && state !== 'error') {
      const now = isoNow(tx.clock);
      const hash = urlHash(canonical);
      if (state === 'gone') {
        await tx.db.updateTable('crawl_page').set({ gone_at: now, gone_reason: `http_${status}` }).where('url_hash', '=', hash).where('gone_at', 'is', null).execute();
        await tx.db.updateTable('crawl_page').set({ last_checked_at: now, last_status: status }).where('url_hash', '=', hash).execute();
      } else {
        await tx.db.updateTable('crawl_page').set({ last_checked_at: now, last_seen_at: now, last_status: status, gone_at: null, gone_reason: null }).where('url_hash', '=', hash).execute();
      }
    }
  });
  return { state, httpStatus: status, checkedAt: checkedAt.toISOString(), ...(errorCode ? { errorCode } : {}), ...(captureId ? { captureId } : {}) };
}
