import type { MessageKey, Vars } from './index';

// The server gives every refused line of a bank file a stable code and the values it names
// (packages/server/src/services/bankFormats.ts, LINE_CODES); each is shown in the user's language.
// A code not listed here (a newer server) is shown as the English reason it was sent with.

const MESSAGES: Record<string, MessageKey> = {
  prefix_mismatch: 'reason.prefixMismatch',
  hash_empty: 'reason.empty',
  hash_not_hex: 'reason.notHex',
  hash_length: 'reason.length',
  field_too_long: 'reason.fieldTooLong',
  field_control: 'reason.fieldControl',
  quote_not_closed: 'reason.quoteNotClosed',
  text_after_quote: 'reason.textAfterQuote',
  quote_inside: 'reason.quoteInside',
  too_many_fields: 'reason.tooManyFields',
  quality_range: 'reason.quality',
};

const FIELDS: Record<string, MessageKey> = {
  category: 'banks.category',
  source: 'banks.source',
  note: 'banks.note',
  externalId: 'banks.externalId',
};

export interface RefusedLine {
  code: string;
  params: Record<string, string | number>;
  reason: string;
}

/** The translated reason, or null when the code is not one we know (show `reason` as sent, in English). */
export function lineReason(line: RefusedLine, t: (key: MessageKey, vars?: Vars) => string): string | null {
  const key = Object.prototype.hasOwnProperty.call(MESSAGES, line.code) ? MESSAGES[line.code] : undefined;
  if (!key) return null;
  const vars: Vars = { ...line.params };
  const field = typeof line.params['field'] === 'string' ? FIELDS[line.params['field']] : undefined;
  if (field) vars['field'] = t(field).toLowerCase();
  return t(key, vars);
}
