/**
 * Removal verification: is the content at a URL still there? The default (`defaultUrlChecker` in
 * `removalService.ts`) is the crawler's recheck over `net/safeFetch.ts`; tests may pass any function of this shape.
 */
export interface UrlCheckResult {
  state: 'present' | 'gone' | 'error';
  httpStatus: number | null;
  checkedAt: string;
  /** Why the check could not decide (`error`), e.g. a refused private address. */
  reason?: string;
}
export type UrlChecker = (url: string) => Promise<UrlCheckResult>;
