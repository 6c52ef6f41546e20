// CSV written for people who open it in a spreadsheet: RFC 4180 quoting, and a cell a spreadsheet would run as a
// formula (=, +, -, @, tab or CR first) gets a leading apostrophe, which spreadsheets show as text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  const safe = FORMULA_START.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
