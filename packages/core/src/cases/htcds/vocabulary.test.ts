import { describe, expect, it } from 'vitest';
import { htcdsField, htcdsSection, picklist, picklistLabel, picklistValues, validatePicklistValue, validatePicklistValues, type PicklistValue } from './vocabulary.js';

describe('HTCDS vocabulary', () => {
  it('finds fields by their prefixed name', () => {
    expect(htcdsField('hte_Type')).toMatchObject({ label: 'Type', section: 'Historic Trafficking Events', type: 'Picklist' });
    expect(htcdsField('prs_Nope')).toBeUndefined();
    expect(htcdsField('toString')).toBeUndefined();
  });
  it('gives picklists in the standard order, with labels', () => {
    expect(picklistValues('hte_Type')).toEqual(['Recruitment', 'Transit', 'Exploitation']);
    expect(picklist('cas_Status')?.map((e) => e.label)).toEqual(['Active', 'Follow Up', 'Closed', 'Closed Referred']);
    expect(picklistLabel('prs_Gender', 'NonSpecifiedUnknown')).toBe('Not Specified/Unknown');
    expect(picklist('prs_FirstName')).toBeUndefined();
    expect(picklist('vic_TypeOfExploitation')).toHaveLength(11);
  });
  it('types picklist values', () => {
    const ok: PicklistValue<'hte_Type'> = 'Transit';
    // @ts-expect-error not a value of hte_Type
    const bad: PicklistValue<'hte_Type'> = 'Holiday';
    expect([ok, bad]).toHaveLength(2);
  });
  it('validates values, naming the field and the allowed values on failure', () => {
    expect(validatePicklistValue('vic_TraffickingStatus', 'ActualVictimOfTrafficking')).toEqual({ ok: true });
    const bad = validatePicklistValue('vic_TraffickingStatus', 'Victim');
    expect(bad).toMatchObject({ ok: false, field: 'vic_TraffickingStatus', error: 'unknown_value', allowed: ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'] });
    expect(validatePicklistValue('prs_FirstName', 'x')).toMatchObject({ ok: false, error: 'not_a_picklist' });
    expect(validatePicklistValue('xyz_Field', 'x')).toMatchObject({ ok: false, error: 'unknown_field' });
  });
  it('checks the shape of ISO-coded fields the standard does not enumerate', () => {
    expect(validatePicklistValue('prs_Citizenship', 'MX')).toEqual({ ok: true });
    expect(validatePicklistValue('prs_Citizenship', 'Mexico')).toMatchObject({ ok: false, error: 'invalid_code' });
    expect(validatePicklistValue('prs_PrimaryLanguage', 'es')).toEqual({ ok: true });
  });
  it('validates multiselect values and refuses duplicates', () => {
    expect(validatePicklistValues('vic_MethodsOfControl', ['DebtBondage', 'Threats'])).toMatchObject({ ok: false, error: 'unknown_value' });
    expect(validatePicklistValues('vic_MethodsOfControl', ['DebtBondage', 'DebtBondage'])).toMatchObject({ ok: false, error: 'duplicate_value' });
    expect(validatePicklistValues('vic_MethodsOfControl', ['DebtBondage', 'PhysicalThreats'])).toEqual({ ok: true });
  });
  it('finds sections by title or id', () => {
    expect(htcdsSection('consent')?.fields).toEqual(['con_Consent']);
    expect(htcdsSection('Referral Details')?.prefixes).toEqual(['cas_']);
  });
});
