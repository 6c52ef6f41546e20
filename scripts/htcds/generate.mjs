#!/usr/bin/env node
// Generates packages/core/src/cases/htcds/fields.generated.ts from IOM's HTCDS 2.0 field list (CSV).
//
//   node scripts/htcds/generate.mjs            write the module
//   node scripts/htcds/generate.mjs --check    exit 1 if the committed module differs from what the CSV gives
//   options: --csv PATH (default ../shared/data/htcds/htcds-2.0-fields.csv), --out PATH
//
// The functions are exported so the core test can run the same parser and renderer on the same CSV.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../..');
export const DEFAULT_CSV = path.resolve(REPO_ROOT, '../shared/data/htcds/htcds-2.0-fields.csv');
export const DEFAULT_OUT = path.join(REPO_ROOT, 'packages/core/src/cases/htcds/fields.generated.ts');

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF (LF alone is accepted too); a field in double quotes
 * may hold commas, line breaks and doubled quotes (""). Line breaks inside quoted cells are kept as LF.
 * Throws on a quote inside an unquoted field, text after a closing quote, or an unterminated quoted field.
 */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte-order mark
  let line = 1;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      if (field !== '') throw new Error(`CSV line ${line}: quote inside an unquoted field`);
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new Error(`CSV line ${startLine}: quoted field never closed`);
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\r' && text[i + 1] === '\n') {
          field += '\n';
          i += 2;
          line++;
          continue;
        }
        if (q === '\n' || q === '\r') line++;
        field += q === '\r' ? '\n' : q;
        i++;
      }
      const after = text[i];
      if (i < n && after !== ',' && after !== '\r' && after !== '\n') {
        throw new Error(`CSV line ${line}: text after a closing quote`);
      }
      continue;
    }
    if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += c;
      i++;
    }
  }
  // A final record without a line break still counts; a trailing line break does not start an empty record.
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

const COLUMNS = {
  section: 'Section',
  status: 'Status',
  core: 'Core',
  prefix: 'Field Name Prefix',
  shortName: 'Field Name',
  label: 'Field Label',
  name: 'Field Name including Prefix',
  type: 'Field Type',
  salesforce: 'Salesforce Standard or Custom',
  valueNames: 'Value Names (if picklist)',
  valueLabels: 'Value Labels (if picklist)',
  description: 'Description',
  notes: 'Notes',
};

// String.prototype.trim also removes the no-break spaces that trail some labels in the source.
const clean = (s) => (s ?? '').replace(/\r\n?/g, '\n').trim();
const oneLine = (s) => clean(s).replace(/\s+/g, ' ');
const lines = (s) =>
  clean(s)
    .split('\n')
    .map((v) => v.trim())
    .filter((v) => v !== '');
// Enumerated picklist value names are identifiers ("PhysicalAbuse", "4Sale", "A_AgricultureForestryAndFishing");
// anything else in that column ("Use ISO 3166 country codes standard ...") is guidance, not a value.
const isValueName = (v) => /^[A-Za-z0-9_]+$/.test(v);
const slug = (title) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

function codeStandardOf(text) {
  if (/ISO\s*3166/i.test(text)) return 'ISO 3166-1';
  if (/ISO\s*639/i.test(text)) return 'ISO 639';
  return null;
}

/** Sections, fields and picklists from parsed CSV rows. Throws when the data contradicts itself. */
export function buildHtcds(rows) {
  const header = rows[0] ?? [];
  const col = {};
  for (const [key, title] of Object.entries(COLUMNS)) {
    const index = header.indexOf(title);
    if (index < 0) throw new Error(`CSV header lacks column "${title}"`);
    col[key] = index;
  }
  const sections = [];
  const fields = [];
  const seen = new Set();
  let section = null;
  rows.slice(1).forEach((row, r) => {
    const get = (key) => row[col[key]] ?? '';
    const rowNo = r + 2;
    if (row.every((cell) => clean(cell) === '')) return;
    if (clean(get('section')) !== '') {
      const title = oneLine(get('section'));
      section = { id: slug(title), title, prefixes: [], fields: [], exampleQuestions: [] };
      sections.push(section);
      return;
    }
    if (!section) throw new Error(`CSV row ${rowNo}: field before any section header`);
    if (clean(get('status')) === 'N/A') {
      // The assessment sections list example questions, not fields.
      section.exampleQuestions.push(clean(get('label')).replace(/^EXAMPLE QUESTION\s*/, ''));
      return;
    }
    const prefix = clean(get('prefix'));
    const shortName = clean(get('shortName'));
    const name = clean(get('name')) || prefix + shortName; // per_Organisation has no full name in the source
    if (name !== prefix + shortName) throw new Error(`CSV row ${rowNo}: ${name} is not ${prefix} + ${shortName}`);
    if (!/^[a-z]{3}_[A-Za-z0-9]+$/.test(name)) throw new Error(`CSV row ${rowNo}: odd field name "${name}"`);
    if (seen.has(name)) throw new Error(`CSV row ${rowNo}: duplicate field ${name}`);
    seen.add(name);
    const names = lines(get('valueNames'));
    const labels = lines(get('valueLabels'));
    let picklist = null;
    let valueGuidance = null;
    if (names.length > 0 && names.every(isValueName)) {
      if (labels.length !== names.length) {
        throw new Error(`CSV row ${rowNo}: ${name} has ${names.length} value names but ${labels.length} labels`);
      }
      picklist = names.map((value, i) => ({ value, label: labels[i] }));
    } else if (names.length > 0 || labels.length > 0) {
      valueGuidance = oneLine(names.length > 0 ? get('valueNames') : get('valueLabels')).replace(/^\[(.*)\]$/, '$1');
    }
    const type = oneLine(get('type')) || 'Unspecified'; // per_Organisation has no type in the source
    fields.push({
      name,
      prefix,
      shortName,
      label: oneLine(get('label')),
      type,
      multiselect: type === 'Multiselect Picklist',
      section: section.title,
      status: clean(get('status')),
      core: clean(get('core')) === 'Core',
      description: clean(get('description')),
      notes: clean(get('notes')),
      picklist,
      valueGuidance,
      codeStandard: codeStandardOf(`${valueGuidance ?? ''} ${get('notes')}`),
    });
    section.fields.push(name);
    if (!section.prefixes.includes(prefix)) section.prefixes.push(prefix);
  });
  return { sections, fields };
}

function toTs(value, indent) {
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v === 'string')) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      if (flat.length + indent * 2 < 100) return flat;
    }
    return `[\n${value.map((v) => pad + toTs(v, indent + 1)).join(',\n')},\n${end}]`;
  }
  const entries = Object.entries(value);
  if (entries.every(([, v]) => typeof v === 'string') && entries.length <= 2) {
    const flat = `{ ${entries.map(([k, v]) => `${k}: ${toTs(v, 0)}`).join(', ')} }`;
    if (flat.length + indent * 2 < 110) return flat;
  }
  return `{\n${entries.map(([k, v]) => `${pad}${k}: ${toTs(v, indent + 1)}`).join(',\n')},\n${end}}`;
}

/** The TypeScript module text. `source` describes where the CSV came from (file name and commit, if known). */
export function renderModule(model, source) {
  const commit = source.commit ? ` (UNMigration/HTCDS commit ${source.commit})` : '';
  const fieldsObject = Object.fromEntries(model.fields.map((f) => [f.name, f]));
  const meta = {
    standard: 'Human Trafficking Case Data Standard (HTCDS)',
    version: '2.0',
    publisher: 'International Organization for Migration (IOM)',
    attribution: 'Human Trafficking Case Data Standard (HTCDS) by IOM',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
    sourceFile: source.file,
    sourceCommit: source.commit ?? null,
  };
  return `// GENERATED FILE — do not edit. Made by scripts/htcds/generate.mjs from ${source.file}${commit}.
// Regenerate with \`node scripts/htcds/generate.mjs\`; \`--check\` (and cases/htcds/generated.test.ts) verify it.
//
// Contents: "Human Trafficking Case Data Standard (HTCDS) by IOM", version 2.0, licensed under CC BY 4.0
// (https://creativecommons.org/licenses/by/4.0/). Changes from the source: the spreadsheet was converted to
// CSV, cells are trimmed, picklist cells are split into value/label pairs, and the example questions of the
// assessment sections are attached to their section. No endorsement by IOM is implied.

export const HTCDS_SOURCE = ${toTs(meta, 0)} as const;

export const HTCDS_SECTIONS = ${toTs(model.sections, 0)} as const;

export const HTCDS_FIELDS = ${toTs(fieldsObject, 0)} as const;
`;
}

/** Reads the commit the data was taken from out of the README next to the CSV, when there is one. */
export function sourceOf(csvPath) {
  const readme = path.join(path.dirname(csvPath), 'README.md');
  const commit = existsSync(readme) ? /commit ([0-9a-f]{40})/.exec(readFileSync(readme, 'utf8'))?.[1] : undefined;
  return { file: path.basename(csvPath), commit: commit ?? null };
}

export function generate(csvPath = DEFAULT_CSV) {
  const model = buildHtcds(parseCsv(readFileSync(csvPath, 'utf8')));
  return renderModule(model, sourceOf(csvPath));
}

function main(argv) {
  const arg = (flag) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const csv = path.resolve(arg('--csv') ?? DEFAULT_CSV);
  const out = path.resolve(arg('--out') ?? DEFAULT_OUT);
  if (!existsSync(csv)) {
    console.error(`htcds: CSV not found: ${csv}`);
    return 2;
  }
  const text = generate(csv);
  if (argv.includes('--check')) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (current !== text) {
      console.error(`htcds: ${path.relative(REPO_ROOT, out)} is out of date; run node scripts/htcds/generate.mjs`);
      return 1;
    }
    console.log('htcds: generated module is in sync with the CSV');
    return 0;
  }
  writeFileSync(out, text);
  console.log(`htcds: wrote ${path.relative(REPO_ROOT, out)}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
