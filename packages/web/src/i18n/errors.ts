import { ApiError } from '../api/client';
import { isMessageKey, type I18n } from './index';

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/;

/** When a lock-out ends: a problem extension if the server sends one, else an ISO instant inside `detail`. */
function lockedUntil(err: ApiError): string | null {
  for (const key of ['lockedUntil', 'until', 'retryAt']) {
    const v = err.problem[key];
    if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return v;
  }
  const m = err.detail ? ISO_INSTANT.exec(err.detail) : null;
  return m ? m[0] : null;
}

/**
 * A message in the user's language for any failure. The server's stable `code` picks the text; the server's
 * own English `detail` is never shown as-is, so Spanish-speaking users never see untranslated errors.
 */
export function errorMessage(err: unknown, i18n: Pick<I18n, 't' | 'formatDateTime' | 'formatTime'>): string {
  const { t } = i18n;
  if (!(err instanceof ApiError)) return t('error.server');

  if (err.code === 'auth.locked') {
    const until = lockedUntil(err);
    if (!until) return t('error.auth.locked_generic');
    const end = new Date(until);
    const today = end.toDateString() === new Date().toDateString();
    return today ? t('error.auth.locked', { until: i18n.formatTime(until) }) : t('error.auth.locked_date', { until: i18n.formatDateTime(until) });
  }
  if (err.code === 'rate_limited' && err.retryAfterSeconds !== undefined) {
    return t('error.rate_limited_seconds', { seconds: Math.ceil(err.retryAfterSeconds) });
  }

  if (err.code === 'validation.password_too_short') {
    const min = err.detail ? /\d+/.exec(err.detail)?.[0] : undefined;
    return min ? t('error.validation.password_too_short', { min }) : t('error.validation.password_too_short_generic');
  }

  const key = `error.${err.code}`;
  if (isMessageKey(key)) return t(key);

  // Codes we do not know yet: fall back on the HTTP status family.
  if (err.status === 0) return t('error.network');
  if (err.status === 401) return t('error.auth.unauthenticated');
  if (err.status === 403) return t('error.forbidden');
  if (err.status === 404) return t('error.not_found');
  if (err.status === 409) return t('error.conflict');
  if (err.status === 413) return t('error.payload_too_large');
  if (err.status === 429) return t('error.rate_limited');
  if (err.code.startsWith('validation.') || err.code.startsWith('request.') || err.status === 400 || err.status === 422) {
    return t('error.validation');
  }
  if (err.status >= 500) return t('error.server');
  return t('error.unknown', { code: err.code, status: err.status });
}
