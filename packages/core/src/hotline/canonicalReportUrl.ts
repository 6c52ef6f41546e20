import { canonicalizeUrl, type CanonicalUrlResult } from '../urls/canonical.js';

/**
 * The canonical form of a reported URL, so that reports of the same page attach to one subject: the shared
 * `canonicalizeUrl`, with bare domains read as http:// and URLs with credentials refused. The path is kept as
 * given, trailing slash included: the subject URL is what removal checks fetch and notices name, so `…/a` and
 * `…/a/` are two subjects rather than one URL that may not resolve.
 */
export type CanonicalReportUrl = CanonicalUrlResult;

export const MAX_REPORT_URL_LENGTH = 2048;

export function canonicalReportUrl(raw: string): CanonicalReportUrl {
  return canonicalizeUrl(raw, { assumeHttp: true, credentials: 'refuse', maxLength: MAX_REPORT_URL_LENGTH });
}
