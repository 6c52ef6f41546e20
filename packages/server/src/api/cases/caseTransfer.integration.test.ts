import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRecord, PLANTED_DOCUMENT } from '../../test/cases.js';
import { DIALECTS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(DIALECTS)('HTCDS import and export on %s', (dialect) => {
  let t: TestApp;
  let cw: Session;
  let other: Session;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    cw = (await t.userWithRoles(['caseworker'])).session;
    other = (await t.userWithRoles(['caseworker'])).session;
    for (const r of [caseRecord(), caseRecord({ firstName: 'Ofelia', secondName: 'Brumaverde', gender: 'Masculine' })]) {
      ids.push((await t.as(cw, 'POST', '/api/v1/cases', { record: r })).json().case.id);
    }
  });
  afterAll(() => t.close());

  const count = async () => (await t.runtime.deps.db.selectFrom('case_record').select('id').execute()).length;

  it('exports HTCDS columns without identifying fields unless asked, and only the caller’s cases', async () => {
    const plain = await t.as(cw, 'GET', '/api/v1/cases/export?format=csv');
    expect(plain.statusCode).toBe(200);
    const [header, ...rows] = plain.body.trim().split('\r\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['ctn_CaseId', 'cas_Status', 'prs_Gender', 'prs_Citizenship', 'vic_TypeOfExploitation', 'hte_Type_1', 'hte_Country_2']));
    expect(header).not.toContain('prs_FirstName');
    expect(rows).toHaveLength(2);
    for (const n of ['Zenobia', 'Quillfeather', PLANTED_DOCUMENT, 'Calle Inventada', 'Brumaverde']) expect(plain.body).not.toContain(n);
    expect((await t.as(other, 'GET', '/api/v1/cases/export?format=csv')).body.trim().split('\r\n')).toHaveLength(1);
    const full = await t.as(cw, 'GET', '/api/v1/cases/export?format=csv&identifying=true');
    expect(full.body).toContain('prs_FirstName');
    expect(full.body).toContain('Zenobia');
    const log = (await t.as(cw, 'GET', `/api/v1/cases/${ids[0]}/access-log`)).json().entries.map((e: { action: string }) => e.action);
    expect(log).toEqual(expect.arrayContaining(['export', 'export_identifying']));
  });

  it('round-trips cases through CSV and XLSX', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await t.as(cw, 'GET', `/api/v1/cases/export?format=${format}&identifying=true`);
      const content = format === 'csv' ? exported.body : exported.rawPayload.toString('base64');
      const before = await count();
      const res = await t.as(other, 'POST', '/api/v1/cases/import', { format, content });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().imported).toBe(2);
      expect(await count()).toBe(before + 2);
      const original = (await t.as(cw, 'GET', `/api/v1/cases/${ids[0]}`)).json().case.record;
      const copies = await Promise.all(res.json().ids.map(async (id: string) => (await t.as(other, 'GET', `/api/v1/cases/${id}`)).json().case.record));
      expect(copies.find((c: { person: { firstName: string } }) => c.person.firstName === 'Zenobia'), format).toEqual(original);
    }
  });

  it('defuses formula-like cells in CSV and restores them on import', async () => {
    const hostile = caseRecord({ firstName: '=HYPERLINK("https://ejemplo.test","x")' });
    hostile.comments = [{ text: '+57 llamar de nuevo' }];
    (hostile.events[1] as Record<string, unknown>).longitude = -74.08;
    const own = (await t.userWithRoles(['caseworker'])).session;
    const id = (await t.as(own, 'POST', '/api/v1/cases', { record: hostile })).json().case.id;
    const csv = (await t.as(own, 'GET', '/api/v1/cases/export?format=csv&identifying=true')).body;
    expect(csv).toContain(`"'=HYPERLINK(""https://ejemplo.test"",""x"")"`);
    expect(csv).toContain("'+57 llamar de nuevo");
    expect(csv).toContain("'-74.08");
    const res = await t.as(own, 'POST', '/api/v1/cases/import', { format: 'csv', content: csv });
    expect(res.statusCode, res.body).toBe(201);
    const copy = (await t.as(own, 'GET', `/api/v1/cases/${res.json().ids[0]}`)).json().case.record;
    expect(copy).toEqual((await t.as(own, 'GET', `/api/v1/cases/${id}`)).json().case.record);
  });

  it('imports IOM’s HTCDS spreadsheet layout: field names, a row of labels, row numbers, its misspelt header', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    sheet.addRow([null, 'prs_FirstName', 'prs_Gender', 'vic_TraffickinStatusDecisionMakingOrg', 'vic_TraffickingStatus', 'cas_Status', null, 'cas_IncomingReferralDate']);
    sheet.addRow([null, 'First Name', 'Gender', 'Trafficking Status Decision Making Organization', 'Trafficking Status', 'Status', 'Reason for Outgoing Referral', 'Incoming Referral Date']);
    sheet.addRow([1, 'Amapola', 'Feminine', 'NGO', 'ActualVictimOfTrafficking', 'Active', 'AdditionalServicesRequired', new Date('2026-02-03T00:00:00Z')]);
    sheet.addRow([2, 'Girasol', 'Masculine', '', '', 'Active', '', '']);
    for (let n = 3; n <= 20; n++) sheet.addRow([n]); // the template's numbered empty rows
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const own = (await t.userWithRoles(['caseworker'])).session;
    const res = await t.as(own, 'POST', '/api/v1/cases/import', { format: 'xlsx', content });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().imported).toBe(2);
    const first = (await t.as(own, 'GET', `/api/v1/cases/${res.json().ids[0]}`)).json().case.record;
    expect(first.person.firstName).toBe('Amapola');
    expect(first.victim).toMatchObject({ traffickingStatus: 'ActualVictimOfTrafficking', traffickingStatusDecidedBy: 'NGO' });
    expect(first.case).toMatchObject({ reasonForOutgoingReferral: 'AdditionalServicesRequired', registeredOn: '2026-02-03', incomingReferralDate: '2026-02-03' });
  });

  const OFFICIAL = '/work/shared/data/htcds/htcds-2.0-spreadsheet.xlsx';
  it.skipIf(!existsSync(OFFICIAL))('imports IOM’s own HTCDS 2.0 spreadsheet, filled in with invented people', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(OFFICIAL);
    const sheet = book.worksheets[0]!;
    const column = (name: string) => (sheet.getRow(1).values as unknown[]).indexOf(name);
    const fill = (row: number, values: Record<string, string>) => {
      for (const [name, v] of Object.entries(values)) sheet.getRow(row).getCell(column(name)).value = v;
    };
    fill(3, { prs_FirstName: 'Azucena', prs_SecondName: 'Ejemplo', prs_Gender: 'Feminine', vic_TypeOfExploitation: 'SexualExploitation;ForcedLabour', cas_Status: 'Active' });
    fill(4, { prs_FirstName: 'Trébol', prs_Gender: 'Masculine', cas_Status: 'FollowUp' });
    const own = (await t.userWithRoles(['caseworker'])).session;
    const res = await t.as(own, 'POST', '/api/v1/cases/import', { format: 'xlsx', content: Buffer.from(await book.xlsx.writeBuffer()).toString('base64') });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().imported).toBe(2);
    const first = (await t.as(own, 'GET', `/api/v1/cases/${res.json().ids[0]}`)).json().case.record;
    expect(first.victim.typeOfExploitation).toEqual(['SexualExploitation', 'ForcedLabour']);
  });

  it('imports nothing when any row is wrong, reporting each problem by line, column and code', async () => {
    const csv = [
      'cas_Status,ctn_case_registeredOn,prs_FirstName,prs_Gender,hte_Type_1,hte_Date_1',
      'Active,2026-01-10,Uno,Feminine,Recruitment,2025-12',
      'Active,2026-02-30,Dos,Feminine,Recruitment,2025-12',
      '"Active",2026-01-11,"Tres, con coma",Alien,Transit,2025-11',
    ].join('\r\n');
    const before = await count();
    const res = await t.as(cw, 'POST', '/api/v1/cases/import', { format: 'csv', content: csv });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import.invalid');
    const issues = res.json().issues as Array<{ line: number; column: string; code: string; allowed?: string[] }>;
    expect(issues.find((i) => i.line === 3)).toMatchObject({ column: 'ctn_case_registeredOn' });
    expect(issues.find((i) => i.line === 4)).toMatchObject({ column: 'prs_Gender', code: 'case.unknown_value' });
    expect(issues.find((i) => i.line === 4)!.allowed).toContain('Masculine');
    expect(issues.some((i) => i.line === 2)).toBe(false);
    expect(await count()).toBe(before);

    const unknown = await t.as(cw, 'POST', '/api/v1/cases/import', { format: 'csv', content: 'cas_Status,prs_ShoeSize\r\nActive,42\r\n' });
    expect(unknown.json().issues[0]).toMatchObject({ line: 1, column: 'prs_ShoeSize', code: 'import.unknown_column' });
    const notXlsx = await t.as(cw, 'POST', '/api/v1/cases/import', { format: 'xlsx', content: Buffer.from('not a workbook').toString('base64') });
    expect(notXlsx.json().issues[0].code).toBe('import.malformed_xlsx');
    expect(await count()).toBe(before);
  });
});
