// HTCDS import and export of cases, as CSV or XLSX (exceljs). Imports are all-or-nothing: every row is checked
// first, problems are reported by line and column with stable codes, and nothing is stored unless all rows are
// valid. Exports leave identifying fields out unless asked for, and every exported case is logged.
import ExcelJS from 'exceljs';
import type { CaseRecord } from '@centinela/core';
import { CsvParser } from '../../import/csv.js';
import { inTransaction, type Actor, type ServiceDeps } from '../deps.js';
import { Problem } from '../problem.js';
import { createCase, logCaseAccess, readCaseRecords } from './caseService.js';
import { visibleCaseIds, type Viewer } from './caseScope.js';
import { casesToTable, normaliseHtcdsSheet, tableToCases, type ImportIssue } from './htcdsTable.js';
import { csvCell } from '../csv.js';

export const MAX_IMPORT_ROWS = 5000;
export type TableFormat = 'csv' | 'xlsx';

// Cells a spreadsheet would run as formulas are defused by `csvCell`; the import removes the apostrophe again
// (htcdsTable.ts), so values round-trip.

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export async function toXlsx(header: readonly string[], rows: readonly (readonly string[])[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Cases');
  sheet.addRow([...header]);
  // Every cell is written as text: a spreadsheet must not turn "2025-03" into a date or "=..." into a formula.
  for (const r of rows) sheet.addRow(r.map((v) => ({ richText: [{ text: v }] })));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function exportCases(deps: ServiceDeps, actor: Actor, viewer: Viewer, opts: { format: TableFormat; includeIdentifying: boolean }): Promise<Buffer> {
  const ids = [...(await visibleCaseIds(deps, viewer))].sort();
  const cases = await readCaseRecords(deps, ids, opts.includeIdentifying);
  const { header, rows } = casesToTable(cases, { includeIdentifying: opts.includeIdentifying });
  await inTransaction(deps, async (tx) => {
    for (const id of ids) await logCaseAccess(tx, actor, id, opts.includeIdentifying ? 'export_identifying' : 'export', { format: opts.format });
  });
  return opts.format === 'csv' ? Buffer.from(toCsv(header, rows), 'utf8') : toXlsx(header, rows);
}

type Rows = { header: string[]; rows: Array<{ line: number; cells: string[] }> };

function readCsv(text: string): Rows {
  const parser = new CsvParser();
  const events = [...parser.push(text), ...parser.end()];
  const bad = events.find((e) => e.kind === 'error');
  if (bad && bad.kind === 'error') throw importProblem([{ line: bad.line, field: '', code: 'import.malformed_csv', message: bad.reason }]);
  const records = events.filter((e): e is Extract<typeof e, { kind: 'record' }> => e.kind === 'record');
  if (records.length === 0) throw importProblem([{ line: 1, field: '', code: 'import.empty', message: 'the file has no header row' }]);
  return { header: records[0]!.fields, rows: records.slice(1).map((r) => ({ line: r.line, cells: r.fields })) };
}

async function readXlsx(bytes: Buffer): Promise<Rows> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw importProblem([{ line: 0, field: '', code: 'import.malformed_xlsx', message: 'the file is not a readable XLSX workbook' }]);
  }
  const sheet = book.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw importProblem([{ line: 1, field: '', code: 'import.empty', message: 'the first sheet has no header row' }]);
  const text = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
    if (typeof v === 'object' && 'text' in v) return String(v.text);
    if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
    return String(v);
  };
  // exceljs gives sparse arrays (holes for empty cells): make them dense before mapping.
  const first = sheet.getRow(1).values as ExcelJS.CellValue[];
  const header = Array.from({ length: Math.max(0, first.length - 1) }, (_, i) => text(first[i + 1]));
  const rows: Rows['rows'] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push({ line: n, cells: header.map((_, i) => text(row.getCell(i + 1).value)) });
  });
  return { header, rows };
}

const importProblem = (issues: ImportIssue[]) =>
  new Problem(422, 'import.invalid', `the file has ${issues.length} problem(s); nothing was imported. The first: line ${issues[0]?.line}${issues[0]?.column ? `, ${issues[0].column}` : ''}: ${issues[0]?.message}`, {
    issues: issues.slice(0, 500),
  });

/** Imports every row as a new case owned by the viewer, or none of them. */
export async function importCases(deps: ServiceDeps, actor: Actor, viewer: Viewer, file: { format: TableFormat; content: Buffer }): Promise<{ imported: number; ids: string[] }> {
  const raw = file.format === 'csv' ? readCsv(file.content.toString('utf8')) : await readXlsx(file.content);
  const table = normaliseHtcdsSheet(raw.header, raw.rows);
  if (table.rows.length > MAX_IMPORT_ROWS) throw importProblem([{ line: table.rows[MAX_IMPORT_ROWS]!.line, field: '', code: 'import.too_many_rows', message: `at most ${MAX_IMPORT_ROWS} cases per file` }]);
  if (table.rows.length === 0) throw importProblem([{ line: 2, field: '', code: 'import.empty', message: 'the file has a header but no cases' }]);
  const { records, issues } = tableToCases(table.header, table.rows, deps.clock.now());
  if (issues.length > 0) throw importProblem(issues);
  return inTransaction(deps, async (tx) => {
    const ids: string[] = [];
    for (const { record } of records) ids.push((await createCase(tx, actor, viewer, record as CaseRecord)).id);
    return { imported: ids.length, ids };
  });
}
