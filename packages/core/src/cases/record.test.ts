import { describe, expect, it } from 'vitest';
import { parseCaseRecord, type CaseRecord } from './record.js';
import type { Person } from './sections.js';

const now = new Date('2026-03-15T12:00:00Z');

// An invented person; no real data.
const sample = () => ({
  case: { status: 'Active', registeredOn: '2025-11-02', caseOwner: 'user-1', reasonForIncomingReferral: 'AdditionalServicesRequired' },
  person: {
    firstName: 'Persona',
    secondName: 'Ejemplo',
    birthdate: '2001-07',
    gender: 'Feminine',
    citizenship: ['XK', 'MX'],
    mobilePhone: '+34600000000',
    email: 'persona.ejemplo@example.org',
  },
  victim: {
    traffickingStatus: 'ActualVictimOfTrafficking',
    traffickingStatusDecidedBy: 'NGO',
    ageWhenTrafficked: 17,
    typeOfExploitation: ['SexualExploitation'],
    typeOfSexExploitation: ['RemoteInteractiveServices'],
    methodsOfControl: ['DebtBondage', 'WithholdsDocuments'],
    methodOfRecruitment: ['ThroughAnOnlineAdvertisement'],
    recruitmentWebsitesAndApps: ['Instagram'],
  },
  events: [
    { type: 'Recruitment', date: '2019-03', country: 'MX', city: 'Ciudad Ejemplo' },
    { type: 'Transit', date: '2019-04-02', country: 'GT' },
    { type: 'Exploitation', date: '2019', country: 'ES', description: 'Relato inventado.' },
  ],
  supportPlans: [{ type: 'Health', plannedEndDate: '2026-09-01' }],
  consent: {
    consent: true,
    informedOfPurpose: true,
    informedOfDataUse: true,
    informedOfResearchUse: true,
    informedOfAccessRight: true,
    informedOfRetention: true,
    informedOfWithdrawal: true,
  },
  comments: [{ text: 'Primera entrevista.' }],
});

const errorsOf = (input: unknown) => {
  const r = parseCaseRecord(input, { now });
  return r.ok ? [] : r.errors;
};
const warningsOf = (input: unknown) => parseCaseRecord(input, { now }).warnings;

describe('parseCaseRecord', () => {
  it('accepts a complete invented case, typed', () => {
    const r = parseCaseRecord(sample(), { now });
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    const rec: CaseRecord = r.value;
    expect(rec.person.gender).toBe('Feminine');
    expect(rec.events?.map((e) => e.type)).toEqual(['Recruitment', 'Transit', 'Exploitation']);
  });

  it('types picklist fields with the standard values', () => {
    // @ts-expect-error 'Female' is not an HTCDS gender value
    const p: Person = { gender: 'Female' };
    expect(p).toBeDefined();
  });

  it('rejects unknown picklist values, naming the field and the allowed values', () => {
    const input = sample();
    input.victim.typeOfExploitation = ['Trafficking'];
    input.person.gender = 'Woman';
    const errors = errorsOf(input);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'victim.typeOfExploitation', code: 'unknown_value', htcdsField: 'vic_TypeOfExploitation', allowed: expect.arrayContaining(['ForcedLabour', 'SexualExploitation']) }),
        expect.objectContaining({ field: 'person.gender', code: 'unknown_value', allowed: ['Feminine', 'Masculine', 'TransgenderFeminine', 'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown'] }),
      ]),
    );
  });

  it('rejects unknown keys and sections instead of dropping them', () => {
    const input = { ...sample(), extra: 1, person: { ...sample().person, nickname: 'x' } };
    expect(errorsOf(input).map((e) => [e.field, e.code])).toEqual([
      ['extra', 'unknown_field'],
      ['person.nickname', 'unknown_field'],
    ]);
  });

  it('rejects dates that do not exist or are in the future', () => {
    const input = sample();
    input.person.birthdate = '2001-02-29';
    input.events[1] = { type: 'Transit', date: '2026-03-16', country: 'GT' };
    input.events[2] = { type: 'Exploitation', date: '2019-13', country: 'ES', description: 'x' };
    expect(errorsOf(input).map((e) => [e.field, e.code])).toEqual([
      ['person.birthdate', 'invalid_date'],
      ['events[1].date', 'date_in_future'],
      ['events[2].date', 'invalid_date'],
    ]);
  });

  it('accepts a vague date that may be today, but not a day after today', () => {
    const input = sample();
    input.events[2] = { type: 'Exploitation', date: '2026', country: 'ES', description: 'x' };
    expect(errorsOf(input)).toEqual([]);
  });

  it('rejects events before birth, but not vague dates that may be after it', () => {
    const input = sample();
    input.events[0] = { type: 'Recruitment', date: '2000-12-31', country: 'MX', city: 'x' };
    expect(errorsOf(input)).toEqual([expect.objectContaining({ field: 'events[0].date', code: 'date_before_birth', htcdsField: 'hte_Date' })]);
    input.events[0] = { type: 'Recruitment', date: '2001', country: 'MX', city: 'x' };
    expect(errorsOf(input)).toEqual([]);
  });

  it('flags exploitation and transit before the first recruitment without refusing the record', () => {
    const input = sample();
    input.events[2] = { type: 'Exploitation', date: '2018-06-01', country: 'ES', description: 'x' };
    const r = parseCaseRecord(input, { now });
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'events[2].date', code: 'event_order', severity: 'warning' })]));
  });

  it('checks the age when trafficked against the birth date and the first event', () => {
    const input = sample();
    input.victim.ageWhenTrafficked = 25;
    expect(errorsOf(input)).toEqual([expect.objectContaining({ field: 'victim.ageWhenTrafficked', code: 'inconsistent' })]);
    input.victim.ageWhenTrafficked = 14;
    expect(warningsOf(input)).toEqual([expect.objectContaining({ field: 'victim.ageWhenTrafficked', code: 'inconsistent' })]);
  });

  it('needs a reason to close a case and informed consent', () => {
    const input = sample();
    input.case.status = 'Closed';
    input.consent.informedOfRetention = false;
    expect(errorsOf(input).map((e) => [e.field, e.code])).toEqual([
      ['case.reasonForCaseClosure', 'required'],
      ['consent.consent', 'inconsistent'],
    ]);
  });

  it('checks who decided the trafficking status and coherent exploitation details', () => {
    const input = sample();
    delete (input.victim as { traffickingStatus?: string }).traffickingStatus;
    input.victim.typeOfExploitation = ['ForcedLabour'];
    expect(errorsOf(input)).toEqual([expect.objectContaining({ field: 'victim.traffickingStatusDecidedBy', code: 'inconsistent' })]);
    input.victim.traffickingStatus = 'PossibleVictimOfTrafficking';
    expect(warningsOf(input)).toEqual([expect.objectContaining({ field: 'victim.typeOfSexExploitation', code: 'inconsistent' })]);
  });

  it('checks formats, ranges and types', () => {
    const input = sample();
    input.person.mobilePhone = '600 00 00 00';
    input.person.citizenship = ['mx'];
    (input.victim as Record<string, unknown>).ageWhenTrafficked = 12.5;
    (input.events[0] as Record<string, unknown>).latitude = 123;
    expect(errorsOf(input).map((e) => [e.field, e.code])).toEqual([
      ['person.citizenship', 'invalid_code'],
      ['person.mobilePhone', 'invalid_format'],
      ['victim.ageWhenTrafficked', 'wrong_type'],
      ['events[0].latitude', 'out_of_range'],
    ]);
  });

  it('requires the case section and refuses non-objects', () => {
    expect(errorsOf({ person: {} })).toEqual([expect.objectContaining({ field: 'case', code: 'required' })]);
    expect(errorsOf('case')).toEqual([expect.objectContaining({ code: 'wrong_type' })]);
    expect(errorsOf({ case: { status: 'Active' } })).toEqual([expect.objectContaining({ field: 'case.registeredOn', code: 'required' })]);
  });
});
