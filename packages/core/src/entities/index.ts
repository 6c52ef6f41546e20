// Entities: phones, e-mails, crypto wallets, social handles and links pulled out of ad text with exact spans.
export * from './types.js';
export { extractEntities } from './extract.js';
export { dedupeEntities } from './dedupe.js';
export { findPhones, type PhoneMatch, type FindPhonesOptions } from './phones.js';
export { findEmails, type EmailMatch } from './emails.js';
export { findUrls, normalizeUrl, cleanUrl, urlKey, type UrlMatch } from './urls.js';
export { findMentions, handleFromUrl, handlesFromUrls, type HandleMatch, type HandleRef } from './handles.js';
export { foldText, foldCodePoint, originalSpan, spanWasFolded, type FoldedText } from './normalize.js';
export { foldWord, lookupWord, numberWord, repeatWord, type NumberWord } from './numberWords.js';
export * from './wallets/index.js';
