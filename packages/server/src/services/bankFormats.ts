/**
 * Plain file formats for hash banks, parsed line by line so every bad line can be reported by number.
 *
 * - `lines`: one hash per line. 32 hex digits are MD5, 64 are PDQ; a `sha256:`, `md5:` or `pdq:`
 *   prefix says it explicitly (SHA-256 needs it, since it has the length of a PDQ hash).
 * - `csv`: `hash,category,source,note` (RFC 4180 quoting), with or without that header line.
 * - `te`: ThreatExchange style `pdq hash, quality, id` (comma- or tab-separated; quality 0..100).
 * In every format blank lines and lines starting with `#` are skipped and not counted.
 */

export const SIGNAL_TYPES = ['pdq', 'md5', 'sha256'] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

export const BANK_FORMATS = ['lines', 'csv', 'te'] as const;
export type BankFormat = (typeof BANK_FORMATS)[number];

export const HEX_LENGTH: Record<SignalType, number> = { pdq: 64, md5: 32, sha256: 64 };

/** Longest accepted metadata fields; longer is an invalid line, not a silent cut. */
export const FIELD_LIMITS = { category: 64, source: 200, note: 1000, externalId: 200 } as const;

export interface ParsedEntry {
  line: number;
  signalType: SignalType;
  hash: string;
  quality: number | null;
  category: string | null;
  source: string | null;
  note: string | null;
  externalId: string | null;
}

/** Why a line was refused: a stable code (the UI translates it), its values, and the reason in English. */
export const LINE_CODES = [
  'prefix_mismatch',
  'hash_empty',
  'hash_not_hex',
  'hash_length',
  'field_too_long',
  'field_control',
  'quote_not_closed',
  'text_after_quote',
  'quote_inside',
  'too_many_fields',
  'quality_range',
] as const;
export type LineCode = (typeof LINE_CODES)[number];
export type LineParams = Record<string, string | number>;

export interface InvalidLine {
  line: number;
  code: LineCode;
  params: LineParams;
  reason: string;
}

export interface ParsedFile {
  /** Data lines read (not blank lines, comments or a header). */
  read: number;
  entries: ParsedEntry[];
  invalid: InvalidLine[];
}

export class LineError extends Error {
  constructor(
    readonly code: LineCode,
    readonly params: LineParams,
    message: string,
  ) {
    super(message);
  }
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const HEX = /^[0-9a-f]+$/;

/** A hash as written in a file or a request: optional `type:` prefix, any case. Throws with the reason. */
export function parseSignal(raw: string, explicitType?: SignalType): { signalType: SignalType; hash: string } {
  let text = raw.trim().toLowerCase();
  let signalType = explicitType;
  const prefix = /^(pdq|md5|sha256):/.exec(text);
  if (prefix) {
    const named = prefix[1] as SignalType;
    if (signalType && signalType !== named) throw new LineError('prefix_mismatch', { named, type: signalType }, `the prefix says ${named} but the type is ${signalType}`);
    signalType = named;
    text = text.slice(prefix[0].length);
  }
  if (text.length === 0) throw new LineError('hash_empty', {}, 'the hash is empty');
  if (!HEX.test(text)) throw new LineError('hash_not_hex', {}, 'the hash is not hexadecimal');
  signalType ??= text.length === HEX_LENGTH.md5 ? 'md5' : 'pdq';
  if (text.length !== HEX_LENGTH[signalType]) {
    const params = { type: signalType, expected: HEX_LENGTH[signalType], actual: text.length };
    throw new LineError('hash_length', params, `a ${signalType} hash has ${params.expected} hex digits, not ${params.actual}`);
  }
  return { signalType, hash: text };
}

/** Like `parseSignal`, returning the refusal instead of throwing: for hashes sent in requests. */
export function checkSignal(raw: string, explicitType?: SignalType): { signalType: SignalType; hash: string } | { error: string; code: LineCode; params: LineParams } {
  try {
    return parseSignal(raw, explicitType);
  } catch (err) {
    if (err instanceof LineError) return { error: err.message, code: err.code, params: err.params };
    throw err;
  }
}

function field(value: string | undefined, name: keyof typeof FIELD_LIMITS): string | null {
  const text = (value ?? '').trim();
  if (text.length === 0) return null;
  if (text.length > FIELD_LIMITS[name]) throw new LineError('field_too_long', { field: name, max: FIELD_LIMITS[name] }, `${name} is longer than ${FIELD_LIMITS[name]} characters`);
  if (CONTROL.test(text)) throw new LineError('field_control', { field: name }, `${name} contains control characters`);
  return text;
}

/** Splits one CSV record (RFC 4180 quoting, no line breaks inside fields). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new LineError('quote_not_closed', {}, 'a quoted field is not closed');
        value += line.slice(i, quote);
        i = quote + 1;
        if (line[i] !== '"') break;
        value += '"';
        i++;
      }
      const rest = line.indexOf(',', i);
      const tail = rest < 0 ? line.slice(i) : line.slice(i, rest);
      if (tail.trim() !== '') throw new LineError('text_after_quote', {}, 'text after a closing quote');
      i = rest < 0 ? line.length : rest;
    } else {
      const rest = line.indexOf(',', i);
      value = rest < 0 ? line.slice(i) : line.slice(i, rest);
      if (value.includes('"')) throw new LineError('quote_inside', {}, 'a quote inside an unquoted field');
      i = rest < 0 ? line.length : rest;
    }
    fields.push(value);
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

type LineParser = (line: string, number: number) => ParsedEntry;

const parsers: Record<BankFormat, LineParser> = {
  lines: (line, number) => ({ line: number, ...parseSignal(line), quality: null, category: null, source: null, note: null, externalId: null }),
  csv: (line, number) => {
    const fields = splitCsvLine(line);
    if (fields.length > 4) throw new LineError('too_many_fields', { max: 4, found: fields.length }, `expected at most 4 fields (hash,category,source,note), found ${fields.length}`);
    return {
      line: number,
      ...parseSignal(fields[0]!),
      quality: null,
      category: field(fields[1], 'category'),
      source: field(fields[2], 'source'),
      note: field(fields[3], 'note'),
      externalId: null,
    };
  },
  te: (line, number) => {
    const fields = line.split(/\s*[,\t]\s*/);
    if (fields.length > 3) throw new LineError('too_many_fields', { max: 3, found: fields.length }, `expected at most 3 fields (pdq hash, quality, id), found ${fields.length}`);
    const qualityText = (fields[1] ?? '').trim();
    if (qualityText !== '' && !/^\d{1,3}$/.test(qualityText)) throw new LineError('quality_range', {}, 'quality must be a whole number from 0 to 100');
    const quality = qualityText === '' ? null : Number(qualityText);
    if (quality !== null && quality > 100) throw new LineError('quality_range', {}, 'quality must be a whole number from 0 to 100');
    return { line: number, ...parseSignal(fields[0]!, 'pdq'), quality, category: null, source: null, note: null, externalId: field(fields[2], 'externalId') };
  },
};

function isHeader(line: string, format: BankFormat): boolean {
  const first = line.split(/[,\t]/)[0]!.trim().toLowerCase().replace(/^"|"$/g, '');
  return format === 'csv' ? first === 'hash' : format === 'te' && (first === 'hash' || first.startsWith('pdq'));
}

/** Parses a whole file; never throws for content, every bad line lands in `invalid` with its number. */
export function parseBankFile(text: string, format: BankFormat): ParsedFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const entries: ParsedEntry[] = [];
  const invalid: InvalidLine[] = [];
  let read = 0;
  let seenData = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!seenData && isHeader(line, format)) {
      seenData = true;
      continue;
    }
    seenData = true;
    read++;
    try {
      entries.push(parsers[format](line.trim(), i + 1));
    } catch (err) {
      if (!(err instanceof LineError)) throw err;
      invalid.push({ line: i + 1, code: err.code, params: err.params, reason: err.message });
    }
  }
  return { read, entries, invalid };
}

export interface ExportableEntry {
  signalType: SignalType;
  hash: string;
  quality: number | null;
  category: string | null;
  source: string | null;
  note: string | null;
  externalId: string | null;
}

/** How a hash is written so that `parseSignal` reads it back as the same type. */
export function writtenHash(e: { signalType: SignalType; hash: string }): string {
  return e.signalType === 'sha256' ? `sha256:${e.hash}` : e.hash;
}

function csvField(value: string | null): string {
  const text = value ?? '';
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportHeader(format: BankFormat): string | null {
  return format === 'csv' ? 'hash,category,source,note' : null;
}

/** One line of an export, or null when the format cannot carry the entry (`te` holds PDQ only). */
export function exportLine(e: ExportableEntry, format: BankFormat): string | null {
  if (format === 'lines') return writtenHash(e);
  if (format === 'csv') return [writtenHash(e), e.category, e.source, e.note].map((v, i) => (i === 0 ? v! : csvField(v))).join(',');
  if (e.signalType !== 'pdq') return null;
  return `${e.hash},${e.quality ?? ''},${e.externalId ?? ''}`;
}
