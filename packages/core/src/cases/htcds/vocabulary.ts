// Typed access to the generated HTCDS 2.0 vocabulary: fields, picklists and value checks.
import { HTCDS_FIELDS, HTCDS_SECTIONS } from './fields.generated.js';

export type HtcdsFieldName = keyof typeof HTCDS_FIELDS;
export type HtcdsSectionTitle = (typeof HTCDS_SECTIONS)[number]['title'];
export type HtcdsFieldType = (typeof HTCDS_FIELDS)[HtcdsFieldName]['type'];

export interface HtcdsPicklistEntry {
  readonly value: string;
  readonly label: string;
}

/** One field of the standard, as the generated module holds it. */
export interface HtcdsField {
  readonly name: HtcdsFieldName;
  readonly prefix: string;
  readonly shortName: string;
  readonly label: string;
  readonly type: HtcdsFieldType;
  readonly multiselect: boolean;
  readonly section: HtcdsSectionTitle;
  readonly status: string;
  readonly core: boolean;
  readonly description: string;
  readonly notes: string;
  readonly picklist: readonly HtcdsPicklistEntry[] | null;
  /** Where the standard points to an external code list instead of listing values (ISO 3166, ISO 639). */
  readonly valueGuidance: string | null;
  readonly codeStandard: CodeStandard | null;
}

/** Names of the fields whose values the standard enumerates. */
export type PicklistFieldName = {
  [K in HtcdsFieldName]: (typeof HTCDS_FIELDS)[K]['picklist'] extends null ? never : K;
}[HtcdsFieldName];

/** The value names a picklist field accepts, e.g. `PicklistValue<'hte_Type'>` = 'Recruitment' | 'Transit' | 'Exploitation'. */
export type PicklistValue<F extends PicklistFieldName> = NonNullable<(typeof HTCDS_FIELDS)[F]['picklist']>[number]['value'];

/** Fields coded with an external standard (countries, languages). */
export type CodedFieldName = {
  [K in HtcdsFieldName]: (typeof HTCDS_FIELDS)[K]['codeStandard'] extends null ? never : K;
}[HtcdsFieldName];

const FIELDS: Readonly<Record<string, HtcdsField>> = HTCDS_FIELDS;

export function isHtcdsFieldName(name: string): name is HtcdsFieldName {
  return Object.hasOwn(FIELDS, name);
}

export function htcdsField<N extends HtcdsFieldName>(name: N): (typeof HTCDS_FIELDS)[N];
export function htcdsField(name: string): HtcdsField | undefined;
export function htcdsField(name: string): HtcdsField | undefined {
  return isHtcdsFieldName(name) ? FIELDS[name] : undefined;
}

export function isPicklistField(name: string): name is PicklistFieldName {
  return htcdsField(name)?.picklist != null;
}

/** The picklist of a field in the standard's order, or undefined when the field has none. */
export function picklist<F extends PicklistFieldName>(fieldName: F): (typeof HTCDS_FIELDS)[F]['picklist'];
export function picklist(fieldName: string): readonly HtcdsPicklistEntry[] | undefined;
export function picklist(fieldName: string): readonly HtcdsPicklistEntry[] | undefined {
  return htcdsField(fieldName)?.picklist ?? undefined;
}

export function picklistValues<F extends PicklistFieldName>(fieldName: F): readonly PicklistValue<F>[] {
  const list: readonly HtcdsPicklistEntry[] = HTCDS_FIELDS[fieldName].picklist;
  return list.map((e) => e.value as PicklistValue<F>);
}

export function picklistLabel(fieldName: string, value: string): string | undefined {
  return picklist(fieldName)?.find((e) => e.value === value)?.label;
}

export type PicklistCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly field: string;
      readonly error: 'unknown_field' | 'not_a_picklist' | 'unknown_value' | 'invalid_code' | 'duplicate_value';
      /** The accepted value names; empty for coded fields (the rule is in `message`). */
      readonly allowed: readonly string[];
      readonly message: string;
    };

export type CodeStandard = 'ISO 3166-1' | 'ISO 639';

// ISO 3166-1 alpha-2 or alpha-3; ISO 639-1 or 639-2/3. Only the shape is checked: the code lists are not shipped.
const CODE_SHAPES = {
  'ISO 3166-1': { pattern: /^[A-Z]{2,3}$/, rule: 'an upper-case ISO 3166-1 alpha-2 or alpha-3 country code' },
  'ISO 639': { pattern: /^[a-z]{2,3}$/, rule: 'a lower-case ISO 639-1 or ISO 639-2 language code' },
} as const;

/** Whether a value has the shape of a code of the standard, and the rule in words for error messages. */
export function checkCodeShape(standard: CodeStandard, value: string): { ok: boolean; rule: string } {
  const shape = CODE_SHAPES[standard];
  return { ok: shape.pattern.test(value), rule: shape.rule };
}

/** Checks one value of a picklist field (or of a field coded with ISO 3166 / ISO 639) against the standard. */
export function validatePicklistValue(field: string, value: string): PicklistCheck {
  const def = htcdsField(field);
  if (!def) return { ok: false, field, error: 'unknown_field', allowed: [], message: `${field} is not an HTCDS 2.0 field` };
  if (def.picklist) {
    if (def.picklist.some((e) => e.value === value)) return { ok: true };
    const allowed = def.picklist.map((e) => e.value);
    return { ok: false, field, error: 'unknown_value', allowed, message: `${field} does not accept "${value}"; allowed: ${allowed.join(', ')}` };
  }
  if (def.codeStandard) {
    const shape = CODE_SHAPES[def.codeStandard];
    if (shape.pattern.test(value)) return { ok: true };
    return { ok: false, field, error: 'invalid_code', allowed: [], message: `${field} needs ${shape.rule}, not "${value}"` };
  }
  return { ok: false, field, error: 'not_a_picklist', allowed: [], message: `${field} has no picklist` };
}

/** Checks each value of a multiselect field; returns the first failure. Duplicates are refused too. */
export function validatePicklistValues(field: string, values: readonly string[]): PicklistCheck {
  for (const v of values) {
    const check = validatePicklistValue(field, v);
    if (!check.ok) return check;
  }
  if (new Set(values).size !== values.length) {
    return { ok: false, field, error: 'duplicate_value', allowed: picklist(field)?.map((e) => e.value) ?? [], message: `${field} lists a value twice` };
  }
  return { ok: true };
}

export function htcdsSection(titleOrId: string): (typeof HTCDS_SECTIONS)[number] | undefined {
  return HTCDS_SECTIONS.find((s) => s.title === titleOrId || s.id === titleOrId);
}
