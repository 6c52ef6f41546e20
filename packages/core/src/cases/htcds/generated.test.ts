import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHtcds, DEFAULT_CSV, DEFAULT_OUT, generate, parseCsv } from '../../../../../scripts/htcds/generate.mjs';
import { HTCDS_FIELDS, HTCDS_SECTIONS, HTCDS_SOURCE } from './fields.generated.js';

describe('parseCsv (RFC 4180)', () => {
  it('splits fields and CRLF records', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });
  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    expect(parseCsv('x,"one, two","line 1\r\nline 2","say ""hola"""\n')).toEqual([['x', 'one, two', 'line 1\nline 2', 'say "hola"']]);
  });
  it('accepts LF records, a missing final line break, empty fields and a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,,c\n,"",\nlast')).toEqual([['a', '', 'c'], ['', '', ''], ['last']]);
  });
  it('refuses malformed quoting', () => {
    expect(() => parseCsv('a,"open\n')).toThrow(/never closed/);
    expect(() => parseCsv('a,"x"y\n')).toThrow(/after a closing quote/);
    expect(() => parseCsv('a,b"c\n')).toThrow(/unquoted field/);
  });
});

describe('buildHtcds', () => {
  const header =
    'Section,Status,Core,Field Name Prefix,Field Name,Field Label,Field Name including Prefix,Field Type,Salesforce Standard or Custom,Value Names (if picklist),Value Labels (if picklist),Description,Notes';
  it('reads section header rows, multi-line picklists and guidance', () => {
    const csv = `${header}\r\n"Person -\nVictim Context"\r\n,DRAFT,Core,vic_,Kind,Kind,vic_Kind,Picklist,Custom,"A\nB\n","Label A\u00a0\nLabel B",Pick one,\r\n,DRAFT,,vic_,Country,Country,vic_Country,Text,Custom,Use ISO 3166 codes,,,\r\n`;
    const model = buildHtcds(parseCsv(csv));
    expect(model.sections).toEqual([{ id: 'person_victim_context', title: 'Person - Victim Context', prefixes: ['vic_'], fields: ['vic_Kind', 'vic_Country'], exampleQuestions: [] }]);
    expect(model.fields[0]?.picklist).toEqual([
      { value: 'A', label: 'Label A' },
      { value: 'B', label: 'Label B' },
    ]);
    expect(model.fields[1]).toMatchObject({ picklist: null, valueGuidance: 'Use ISO 3166 codes', codeStandard: 'ISO 3166-1' });
  });
  it('refuses picklists whose names and labels do not pair up', () => {
    const csv = `${header}\nCase\n,DRAFT,,cas_,S,S,cas_S,Picklist,Custom,"A\nB",Only one,,\n`;
    expect(() => buildHtcds(parseCsv(csv))).toThrow(/2 value names but 1 labels/);
  });
});

const haveData = existsSync(DEFAULT_CSV);
if (!haveData) console.warn(`HTCDS sync test skipped: ${DEFAULT_CSV} is not present (the shared data folder is absent).`);

describe.skipIf(!haveData)(`fields.generated.ts is in sync with ${DEFAULT_CSV}`, () => {
  it('regenerating from the CSV gives the committed file byte for byte', () => {
    expect(generate(DEFAULT_CSV) === readFileSync(DEFAULT_OUT, 'utf8'), 'run: node scripts/htcds/generate.mjs').toBe(true);
  });
  it('holds every field and picklist of the CSV', () => {
    const rows = parseCsv(readFileSync(DEFAULT_CSV, 'utf8'));
    const fullNames = rows.slice(1).map((r) => r[6] ?? '').filter((n) => /^[a-z]{3}_/.test(n));
    for (const n of fullNames) expect(Object.keys(HTCDS_FIELDS)).toContain(n);
    const raw = rows.find((r) => r[6] === 'vic_MethodsOfControl');
    expect(HTCDS_FIELDS.vic_MethodsOfControl.picklist.map((e) => e.value)).toEqual(raw?.[9]?.split(/\r?\n/));
    expect(HTCDS_SECTIONS.map((s) => s.title)).toContain('Historic Trafficking Events');
    expect(HTCDS_SOURCE.licence).toBe('CC BY 4.0');
  });
});
