import { describe, expect, it } from 'vitest';
import { CASE_FIELD_MAPPINGS, IDENTIFYING_FIELDS, isIdentifyingField } from './identifying.js';
import { htcdsField } from './htcds/vocabulary.js';

describe('IDENTIFYING_FIELDS', () => {
  it('covers names, birth date, contacts, addresses, document numbers and free text', () => {
    const paths = IDENTIFYING_FIELDS.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'person.firstName',
        'person.middleName',
        'person.secondName',
        'person.birthdate',
        'person.email',
        'person.mobilePhone',
        'person.homePhone',
        'person.mailingStreet',
        'person.identityNumber',
        'events[].street',
        'events[].description',
        'case.reasonForCaseClosure',
        'case.incomingReferralDetails',
        'supportPlans[].actionPlan',
        'comments[].text',
      ]),
    );
    expect(new Set(IDENTIFYING_FIELDS.map((f) => f.kind))).toEqual(new Set(['name', 'birthdate', 'contact', 'address', 'document', 'free_text']));
  });
  it('leaves the fields statistics count in clear', () => {
    for (const p of ['person.gender', 'person.citizenship', 'victim.typeOfExploitation', 'victim.methodsOfControl', 'events[].country', 'case.registeredOn']) {
      expect(isIdentifyingField(p), p).toBe(false);
    }
    expect(isIdentifyingField('events[4].street')).toBe(true);
  });
  it('maps every field to a real HTCDS field or marks it as our own', () => {
    for (const m of CASE_FIELD_MAPPINGS) if (m.htcds) expect(htcdsField(m.htcds), m.path).toBeDefined();
    const own = CASE_FIELD_MAPPINGS.filter((m) => m.htcds === null).map((m) => m.path);
    expect(own).toEqual(['case.registeredOn', 'consent.informedOfPurpose', 'consent.informedOfDataUse', 'consent.informedOfResearchUse', 'consent.informedOfAccessRight', 'consent.informedOfRetention', 'consent.informedOfWithdrawal']);
  });
});
