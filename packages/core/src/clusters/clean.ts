// Text cleaning for the coarse stage: only the words a template author wrote are compared, so contact details,
// numbers and markup (which change on every copy of a template) are dropped before shingling.
//
// A cheap regex pass is used instead of `extractEntities` (libphonenumber per ad is too slow for millions of ads);
// since every digit is dropped anyway, only the letters of URLs, e-mails and handles need finding here.

const HTML_TAG = /<[^<>]{0,500}>/g; // also removes masked tokens such as `<PHONE_ab12>`
const HTML_ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,10});/gi;
const URL = /(?:\b(?:https?:\/\/|www\.)|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|biz|io|me|ly|co|br|mx|es|ar|cl|pe|ca|us|uk)\b)\S*/gi;
const EMAIL = /\S+@\S+/g;
const HANDLE = /(^|[\s(])@[\p{L}\p{N}_.]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;
const WORD = /\p{L}+/gu;

/** Default cap on characters looked at (bounded time on 100,000-character ads). */
export const DEFAULT_MAX_CHARS = 20_000;

/**
 * The comparison tokens of an ad: lower-case, accent-free runs of letters, in order. Digits, phone numbers,
 * e-mails, URLs, @handles, HTML tags and entities are removed. Language-independent (Unicode letter classes);
 * scripts written without spaces come out as one token per run, which is why short ads fall back to char shingles.
 */
export function cleanTokens(text: string, maxChars = DEFAULT_MAX_CHARS, maxTokens = Infinity): string[] {
  let t = text.length > maxChars ? text.slice(0, maxChars) : text;
  t = t.replace(HTML_TAG, ' ').replace(HTML_ENTITY, ' ');
  t = t.replace(EMAIL, ' ').replace(URL, ' ').replace(HANDLE, '$1 '); // e-mails first: their domain looks like a URL
  t = t.toLowerCase();
  if (NON_ASCII.test(t)) t = t.normalize('NFKD').replace(MARKS, '');
  const out: string[] = [];
  for (const m of t.matchAll(WORD)) {
    out.push(m[0]);
    if (out.length >= maxTokens) break;
  }
  return out;
}
