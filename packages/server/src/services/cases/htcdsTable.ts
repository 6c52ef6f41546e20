// Cases as an HTCDS-shaped table (one row per case), for CSV and XLSX. Columns are the HTCDS field names
// (prs_FirstName, vic_TypeOfExploitation, ...); Centinela's own fields are `ctn_<section>_<field>`; repeated
// sections number their columns (hte_Type_1, hte_Date_1, hte_Type_2, ...). Lists are joined with ';'.
import { CASE_FIELD_MAPPINGS, CASE_SECTIONS, htcdsField, parseCaseRecord, type CaseRecord, type ValidationIssue } from '@centinela/core';

export const CASE_ID_COLUMN = 'ctn_CaseId';
const LIST_SEPARATOR = ';';

interface Column {
  name: string;
  section: string;
  field: string;
  kind: string;
  identifying: boolean;
  /** 1-based element of a repeated section. */
  index?: number;
}

const BASE = CASE_FIELD_MAPPINGS.map((m) => {
  const [rawSection, field] = m.path.split('.') as [string, string];
  const section = rawSection.replace('[]', '');
  return { name: m.htcds ?? `ctn_${section}_${field}`, section, field, kind: m.kind, identifying: m.identifying !== null, repeated: rawSection.endsWith('[]') };
});

function columnsFor(repeats: Record<string, number>, includeIdentifying: boolean): Column[] {
  const out: Column[] = [];
  for (const b of BASE) {
    if (b.identifying && !includeIdentifying) continue;
    if (!b.repeated) out.push({ name: b.name, section: b.section, field: b.field, kind: b.kind, identifying: b.identifying });
  }
  for (const section of Object.keys(repeats)) {
    for (let i = 1; i <= repeats[section]!; i++) {
      for (const b of BASE) {
        if (b.section !== section || (b.identifying && !includeIdentifying)) continue;
        out.push({ name: `${b.name}_${i}`, section, field: b.field, kind: b.kind, identifying: b.identifying, index: i });
      }
    }
  }
  return out;
}

const cellText = (v: unknown): string => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(LIST_SEPARATOR) : String(v));

/** The table of some cases; identifying columns only when asked for. */
export function casesToTable(cases: ReadonlyArray<{ id: string; record: CaseRecord }>, opts: { includeIdentifying: boolean }): { header: string[]; rows: string[][] } {
  const repeats: Record<string, number> = {};
  for (const [name, s] of Object.entries(CASE_SECTIONS)) {
    if (s.repeated) repeats[name] = Math.max(0, ...cases.map((c) => ((c.record as unknown as Record<string, unknown[] | undefined>)[name] ?? []).length));
  }
  const columns = columnsFor(repeats, opts.includeIdentifying);
  const rows = cases.map(({ id, record }) => {
    const r = record as unknown as Record<string, unknown>;
    return [
      id,
      ...columns.map((c) => {
        const section = r[c.section];
        const obj = c.index === undefined ? (section as Record<string, unknown> | undefined) : (section as Array<Record<string, unknown>> | undefined)?.[c.index - 1];
        return cellText(obj?.[c.field]);
      }),
    ];
  });
  return { header: [CASE_ID_COLUMN, ...columns.map((c) => c.name)], rows };
}

export interface ImportIssue {
  /** 1-based line (CSV) or row (XLSX) of the file; 1 is the header. */
  line: number;
  column?: string | undefined;
  field: string;
  code: string;
  message: string;
  allowed?: readonly string[] | undefined;
}

const byName = new Map<string, (typeof BASE)[number]>(BASE.map((b) => [b.name, b]));

function columnOf(name: string): Column | null {
  const direct = byName.get(name);
  if (direct && !direct.repeated) return { name, section: direct.section, field: direct.field, kind: direct.kind, identifying: direct.identifying };
  const m = /^(.*)_([1-9][0-9]{0,2})$/.exec(name);
  const base = m ? byName.get(m[1]!) : undefined;
  if (m && base?.repeated) return { name, section: base.section, field: base.field, kind: base.kind, identifying: base.identifying, index: Number(m[2]) };
  return null;
}

function cellValue(kind: string, text: string): unknown {
  if (kind === 'multipicklist' || kind === 'codes') return text.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
  if (kind === 'boolean') return /^(true|1|yes|sí|si)$/i.test(text) ? true : /^(false|0|no)$/i.test(text) ? false : text;
  if (kind === 'number') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  return text;
}

/** Header spellings of IOM's own HTCDS 2.0 spreadsheet that differ from the standard's field names. */
const HEADER_ALIASES: Readonly<Record<string, string>> = { vic_TraffickinStatusDecisionMakingOrg: 'vic_TraffickingStatusDecisionMakingOrg' };
const LABEL_TO_NAME = new Map<string, string>(
  BASE.flatMap((b) => {
    const label = htcdsField(b.name)?.label;
    return label ? [[label.toLowerCase(), b.name] as [string, string]] : [];
  }),
);

/**
 * IOM's HTCDS spreadsheet has field names in row 1, their labels in row 2, a row-number column without a name,
 * a misspelt header and one column named only by its label. This brings such a table to plain field-name
 * columns: a second row of labels is dropped, a nameless column takes the field its label names, other
 * nameless columns (the row numbers) are ignored, and rows with nothing in the named columns are skipped.
 */
export function normaliseHtcdsSheet(header: readonly string[], rows: ReadonlyArray<{ line: number; cells: readonly string[] }>): { header: string[]; rows: Array<{ line: number; cells: string[] }> } {
  const second = rows[0]?.cells ?? [];
  const names = header.map((h) => HEADER_ALIASES[h.trim()] ?? h.trim());
  const labelHits = names.filter((n, i) => n !== '' && htcdsField(n)?.label?.toLowerCase() === (second[i] ?? '').trim().toLowerCase()).length;
  const hasLabelRow = labelHits > 0 && labelHits >= names.filter((n) => n !== '').length / 2;
  const resolved = names.map((n, i) => (n !== '' ? n : hasLabelRow ? (LABEL_TO_NAME.get((second[i] ?? '').trim().toLowerCase()) ?? '') : ''));
  const keep = resolved.map((n) => n !== '');
  const pick = (cells: readonly string[]) => cells.filter((_, i) => keep[i]);
  return {
    header: pick(resolved),
    rows: (hasLabelRow ? rows.slice(1) : rows)
      // A row of the wrong width is passed on as it is, to be reported by line.
      .map((r) => (r.cells.length === header.length ? { line: r.line, cells: pick(r.cells) } : { line: r.line, cells: [...r.cells] }))
      .filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}

/**
 * Reads the rows of an HTCDS table into checked case records. Every problem is reported with its line and
 * column; the caller stores nothing unless the list of issues is empty.
 */
export function tableToCases(header: readonly string[], rows: ReadonlyArray<{ line: number; cells: readonly string[] }>, now: Date): { records: Array<{ line: number; record: CaseRecord }>; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const columns = header.map((h) => (h.trim() === CASE_ID_COLUMN ? 'id' : columnOf(h.trim())));
  columns.forEach((c, i) => {
    if (c === null) issues.push({ line: 1, column: header[i], field: header[i] ?? '', code: 'import.unknown_column', message: `"${header[i]}" is not an HTCDS field Centinela reads` });
  });
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) issues.push({ line: 1, column: h, field: h, code: 'import.duplicate_column', message: `column "${h}" appears twice` });
    seen.add(h);
  }
  if (issues.length > 0) return { records: [], issues };
  const records: Array<{ line: number; record: CaseRecord }> = [];
  for (const { line, cells } of rows) {
    if (cells.length !== header.length) {
      issues.push({ line, field: '', code: 'import.wrong_cell_count', message: `the row has ${cells.length} cells, the header ${header.length}` });
      continue;
    }
    const record: Record<string, unknown> = {};
    cells.forEach((raw, i) => {
      const c = columns[i];
      // An apostrophe put before a formula-like value by the export (or by a spreadsheet) is not part of it.
      const trimmed = raw.trim();
      const text = /^'[=+\-@\t\r]/.test(trimmed) ? trimmed.slice(1) : trimmed;
      if (!c || c === 'id' || text === '') return;
      if (c.index === undefined) {
        const section = (record[c.section] ??= {}) as Record<string, unknown>;
        section[c.field] = cellValue(c.kind, text);
      } else {
        const list = (record[c.section] ??= []) as Array<Record<string, unknown>>;
        while (list.length < c.index) list.push({});
        list[c.index - 1]![c.field] = cellValue(c.kind, text);
      }
    });
    // Numbered columns left empty leave holes; drop the empty elements.
    for (const [name, s] of Object.entries(CASE_SECTIONS)) {
      if (s.repeated && Array.isArray(record[name])) {
        record[name] = (record[name] as Array<Record<string, unknown>>).filter((e) => Object.keys(e).length > 0);
        if ((record[name] as unknown[]).length === 0) delete record[name];
      }
    }
    // IOM's sheet has no registration date: the incoming referral date stands in, else the day of the import.
    const caseSection = (record.case ??= {}) as Record<string, unknown>;
    caseSection.registeredOn ??= typeof caseSection.incomingReferralDate === 'string' ? caseSection.incomingReferralDate : now.toISOString().slice(0, 10);
    const parsed = parseCaseRecord(record, { now });
    if (!parsed.ok) {
      for (const e of parsed.errors as readonly ValidationIssue[]) {
        issues.push({ line, column: columnForField(e.field), field: e.field, code: `case.${e.code}`, message: e.message, allowed: e.allowed });
      }
    } else records.push({ line, record: parsed.value });
  }
  return { records, issues };
}

/** `events[1].date` → `hte_Date_2`, for error messages that point at the spreadsheet. */
function columnForField(field: string): string | undefined {
  const m = /^([a-zA-Z]+)(?:\[(\d+)\])?\.([a-zA-Z]+)$/.exec(field);
  if (!m) return undefined;
  const base = BASE.find((b) => b.section === m[1] && b.field === m[3]);
  if (!base) return undefined;
  return m[2] === undefined ? base.name : `${base.name}_${Number(m[2]) + 1}`;
}
