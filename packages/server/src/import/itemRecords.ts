import { CsvParser } from './csv.js';
import { splitLines } from './lines.js';

/** An entry of an import file with the line it starts on, or why that line cannot be read. */
export type ImportRecord = { line: number; entry: Record<string, unknown> } | { line: number; error: string };

/** The file cannot be imported at all (a bad mapping or header): nothing was read past it. */
export class ImportFormatError extends Error {
  override readonly name = 'ImportFormatError';
}

/** Item fields a file can carry, by their API (camelCase) names. */
export const ITEM_FIELDS = [
  'source',
  'url',
  'site',
  'title',
  'text',
  'postedAt',
  'capturedAt',
  'locationText',
  'priceText',
  'mediaRefs',
  'rawCaptureRef',
  'region',
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** `posted_at`, `PostedAt` and `posted-at` all name `postedAt`. */
export function itemFieldOf(name: string): ItemField | undefined {
  const key = name.trim().toLowerCase().replace(/[_\s-]/g, '');
  return ITEM_FIELDS.find((f) => f.toLowerCase() === key);
}

/** JSON Lines: one JSON object per line; blank lines are skipped. */
export async function* jsonLinesRecords(chunks: AsyncIterable<string>): AsyncGenerator<ImportRecord> {
  for await (const ev of splitLines(chunks)) {
    if (ev.kind === 'tooLong') {
      yield { line: ev.line, error: `line longer than the limit (${ev.length} characters)` };
      continue;
    }
    if (ev.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(ev.text);
    } catch (err) {
      yield { line: ev.line, error: `not valid JSON (${err instanceof Error ? err.message.slice(0, 120) : 'parse error'})` };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) yield { line: ev.line, error: 'not a JSON object' };
    else yield { line: ev.line, entry: value as Record<string, unknown> };
  }
}

/** Which column feeds which item field. */
export type ColumnMapping = Partial<Record<ItemField, string>>;

/** Parses `title=Titulo,text=Texto,url=Enlace`; throws {@link ImportFormatError} with a one-line reason. */
export function parseMapping(text: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    const field = eq > 0 ? itemFieldOf(pair.slice(0, eq)) : undefined;
    const column = eq > 0 ? pair.slice(eq + 1).trim() : '';
    if (!field || !column) throw new ImportFormatError(`--map: "${pair}" is not field=column (fields: ${ITEM_FIELDS.join(', ')})`);
    mapping[field] = column;
  }
  return mapping;
}

/** Media references in a cell: a JSON array, or URLs separated by spaces or `|`. */
function mediaRefsOf(cell: string): unknown {
  if (cell.trimStart().startsWith('[')) {
    try {
      return JSON.parse(cell) as unknown;
    } catch {
      return cell; // refused with its line by the item schema
    }
  }
  return cell.split(/[\s|]+/).filter(Boolean);
}

/**
 * CSV with a header row. Without a mapping, columns named like item fields are used; with one, the mapping
 * names the columns (unmapped fields still fall back to same-named columns). Empty cells are absent fields.
 * Throws before any record when the header lacks a mapped column.
 */
export async function* csvRecords(chunks: AsyncIterable<string>, mapping: ColumnMapping = {}): AsyncGenerator<ImportRecord> {
  const parser = new CsvParser();
  let columns: Array<{ index: number; field: ItemField }> | null = null;
  let width = 0;
  const toRecord = (line: number, fields: string[]): ImportRecord => {
    if (fields.length !== width) return { line, error: `expected ${width} fields, found ${fields.length}` };
    const entry: Record<string, unknown> = {};
    for (const { index, field } of columns!) {
      const cell = fields[index]!;
      if (cell.trim() === '') continue;
      entry[field] = field === 'mediaRefs' ? mediaRefsOf(cell) : cell;
    }
    return { line, entry };
  };
  const handle = function* (events: ReturnType<CsvParser['push']>): Generator<ImportRecord> {
    for (const ev of events) {
      if (ev.kind === 'error') {
        yield { line: ev.line, error: ev.reason };
      } else if (columns === null) {
        columns = headerColumns(ev.fields, mapping);
        width = ev.fields.length;
      } else yield toRecord(ev.line, ev.fields);
    }
  };
  for await (const chunk of chunks) yield* handle(parser.push(chunk));
  yield* handle(parser.end());
}

function headerColumns(header: string[], mapping: ColumnMapping): Array<{ index: number; field: ItemField }> {
  const names = header.map((h) => h.trim());
  const columns = new Map<ItemField, number>();
  names.forEach((name, index) => {
    const field = itemFieldOf(name);
    if (field && !columns.has(field)) columns.set(field, index);
  });
  for (const [field, column] of Object.entries(mapping) as Array<[ItemField, string]>) {
    const index = names.indexOf(column);
    if (index === -1) throw new ImportFormatError(`--map ${field}=${column}: the header has no column "${column}" (columns: ${names.join(', ').slice(0, 300)})`);
    columns.set(field, index);
  }
  if (!columns.has('text') && !columns.has('title')) throw new ImportFormatError('the CSV header has no text or title column: name them, or map them with --map text=COLUMN');
  return [...columns].map(([field, index]) => ({ index, field }));
}
