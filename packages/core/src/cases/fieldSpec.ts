// Declarative field specs: each section of a case lists its fields once, with the HTCDS field behind it and
// whether it identifies the person. Parsing, the HTCDS mapping and IDENTIFYING_FIELDS all come from the specs.
import { parsePartialDate } from './dates.js';
import {
  checkCodeShape,
  validatePicklistValue,
  type CodeStandard,
  type HtcdsFieldName,
  type PicklistFieldName,
  type PicklistValue,
} from './htcds/vocabulary.js';
import type { IssueList } from './issues.js';

/** Why a field is encrypted field by field at rest. */
export type IdentifyingKind = 'name' | 'birthdate' | 'contact' | 'address' | 'document' | 'free_text';

interface BaseSpec {
  /** The HTCDS 2.0 field this maps to; null for Centinela's own fields. */
  readonly htcds: HtcdsFieldName | null;
  readonly required?: boolean;
  readonly identifying?: IdentifyingKind;
}
export interface TextSpec extends BaseSpec {
  readonly kind: 'text';
  readonly maxLength: number;
  readonly format?: 'email' | 'phone';
}
export interface DateSpec extends BaseSpec {
  readonly kind: 'date';
  /** Accept YYYY and YYYY-MM as well as YYYY-MM-DD. */
  readonly partial: boolean;
  readonly notFuture: boolean;
}
export interface BooleanSpec extends BaseSpec {
  readonly kind: 'boolean';
}
export interface NumberSpec extends BaseSpec {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}
export interface PicklistSpec<F extends PicklistFieldName = PicklistFieldName> extends BaseSpec {
  readonly kind: 'picklist';
  readonly htcds: F;
}
export interface MultiPicklistSpec<F extends PicklistFieldName = PicklistFieldName> extends BaseSpec {
  readonly kind: 'multipicklist';
  readonly htcds: F;
}
export interface CodeSpec extends BaseSpec {
  readonly kind: 'code' | 'codes';
  readonly standard: CodeStandard;
}
/** An id of another record (organisation, user, person); the server checks that it exists. */
export interface RefSpec extends BaseSpec {
  readonly kind: 'ref';
  readonly to: 'organisation' | 'user' | 'person' | 'referral';
}

export type FieldSpec = TextSpec | DateSpec | BooleanSpec | NumberSpec | PicklistSpec | MultiPicklistSpec | CodeSpec | RefSpec;
export type SectionSpec = Readonly<Record<string, FieldSpec>>;

export type SpecValue<S> =
  S extends PicklistSpec<infer F> ? PicklistValue<F>
  : S extends MultiPicklistSpec<infer F> ? PicklistValue<F>[]
  : S extends { kind: 'codes' } ? string[]
  : S extends { kind: 'text' | 'date' | 'ref' | 'code' } ? string
  : S extends BooleanSpec ? boolean
  : S extends NumberSpec ? number
  : never;

type RequiredKeys<S extends SectionSpec> = { [K in keyof S]: S[K] extends { required: true } ? K : never }[keyof S];
/** The record type a section spec describes: required fields present, others optional. */
export type SectionValue<S extends SectionSpec> = { -readonly [K in RequiredKeys<S>]: SpecValue<S[K]> } & {
  -readonly [K in Exclude<keyof S, RequiredKeys<S>>]?: SpecValue<S[K]>;
};

// Builders keep the literal HTCDS field name in the type, so picklist values are typed.
const TEXT_MAX = 255; // Salesforce Text, which HTCDS was modelled on
const LONG_TEXT_MAX = 32_768;
export const text = (htcds: HtcdsFieldName | null, extra: Partial<Omit<TextSpec, 'kind' | 'htcds'>> = {}): TextSpec => ({ kind: 'text', htcds, maxLength: TEXT_MAX, ...extra });
export const longText = (htcds: HtcdsFieldName | null, extra: Partial<Omit<TextSpec, 'kind' | 'htcds'>> = {}): TextSpec => ({ kind: 'text', htcds, maxLength: LONG_TEXT_MAX, identifying: 'free_text', ...extra });
export const date = (htcds: HtcdsFieldName | null, extra: Partial<Omit<DateSpec, 'kind' | 'htcds'>> = {}): DateSpec => ({ kind: 'date', htcds, partial: false, notFuture: true, ...extra });
export const bool = (htcds: HtcdsFieldName | null): BooleanSpec => ({ kind: 'boolean', htcds });
export const num = (htcds: HtcdsFieldName | null, min: number, max: number, integer: boolean, extra: Partial<BaseSpec> = {}): NumberSpec => ({ kind: 'number', htcds, min, max, integer, ...extra });
export const pick = <F extends PicklistFieldName>(htcds: F): PicklistSpec<F> => ({ kind: 'picklist', htcds });
export const multi = <F extends PicklistFieldName>(htcds: F): MultiPicklistSpec<F> => ({ kind: 'multipicklist', htcds });
export const code = (htcds: HtcdsFieldName | null, standard: CodeStandard): CodeSpec => ({ kind: 'code', htcds, standard });
export const codes = (htcds: HtcdsFieldName | null, standard: CodeStandard): CodeSpec & { kind: 'codes' } => ({ kind: 'codes', htcds, standard });
export const required = <S extends FieldSpec>(spec: S): S & { readonly required: true } => ({ ...spec, required: true });
export const ref = (htcds: HtcdsFieldName | null, to: RefSpec['to']): RefSpec => ({ kind: 'ref', htcds, to });

// E.164 as the HTCDS notes give it; e-mail only loosely, since mail servers are the real judge.
const PHONE = /^\+?[1-9]\d{1,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ParseContext {
  /** Today as days since 1970-01-01 (UTC), from the `now` the caller passed. */
  readonly today: number;
}

/**
 * Checks `input` against a section spec and returns the typed record (null if `input` is not an object).
 * Unknown keys are errors so that a typo is not silently dropped; null and '' count as absent.
 */
export function parseSection<S extends SectionSpec>(spec: S, input: unknown, path: string, issues: IssueList, ctx: ParseContext): SectionValue<S> | null {
  if (!isRecord(input)) {
    issues.error(path, 'wrong_type', `${path} must be an object`);
    return null;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(spec, key)) issues.error(`${path}.${key}`, 'unknown_field', `${path} has no field "${key}"`, { allowed: Object.keys(spec) });
  }
  for (const [key, fieldSpec] of Object.entries(spec)) {
    const raw = input[key];
    const at = `${path}.${key}`;
    const extra = fieldSpec.htcds ? { htcdsField: fieldSpec.htcds } : {};
    if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) {
      if (fieldSpec.required) issues.error(at, 'required', `${at} is required`, extra);
      continue;
    }
    const value = parseValue(fieldSpec, raw, at, issues, ctx);
    if (value !== undefined) out[key] = value;
  }
  // Sound: every key of `out` was checked against its spec above.
  return out as SectionValue<S>;
}

function parseValue(spec: FieldSpec, raw: unknown, at: string, issues: IssueList, ctx: ParseContext): unknown {
  const extra = spec.htcds ? { htcdsField: spec.htcds } : {};
  const wrongType = (what: string): undefined => {
    issues.error(at, 'wrong_type', `${at} must be ${what}`, extra);
    return undefined;
  };
  switch (spec.kind) {
    case 'text': {
      if (typeof raw !== 'string') return wrongType('a string');
      if (raw.length > spec.maxLength) issues.error(at, 'too_long', `${at} is longer than ${spec.maxLength} characters`, extra);
      else if (spec.format === 'phone' && !PHONE.test(raw)) issues.error(at, 'invalid_format', `${at} must be an E.164 number such as +34600000000`, extra);
      else if (spec.format === 'email' && !EMAIL.test(raw)) issues.error(at, 'invalid_format', `${at} must be an e-mail address`, extra);
      else return raw;
      return undefined;
    }
    case 'ref':
      if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 200) return wrongType('an id');
      return raw;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : wrongType('true or false');
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return wrongType('a number');
      if (spec.integer && !Number.isInteger(raw)) return wrongType('a whole number');
      if (raw < spec.min || raw > spec.max) {
        issues.error(at, 'out_of_range', `${at} must be between ${spec.min} and ${spec.max}`, extra);
        return undefined;
      }
      return raw;
    }
    case 'date': {
      if (typeof raw !== 'string') return wrongType('a date');
      const span = spec.partial ? parsePartialDate(raw) : /^\d{4}-\d{2}-\d{2}$/.test(raw) ? parsePartialDate(raw) : null;
      if (!span) {
        issues.error(at, 'invalid_date', `${at} is not a real date (${spec.partial ? 'YYYY, YYYY-MM or ' : ''}YYYY-MM-DD): "${raw}"`, extra);
        return undefined;
      }
      if (spec.notFuture && span.first > ctx.today) {
        issues.error(at, 'date_in_future', `${at} is after today`, extra);
        return undefined;
      }
      return raw;
    }
    case 'picklist': {
      if (typeof raw !== 'string') return wrongType('a picklist value');
      const check = validatePicklistValue(spec.htcds, raw);
      if (check.ok) return raw;
      issues.error(at, 'unknown_value', check.message, { ...extra, allowed: check.allowed });
      return undefined;
    }
    case 'multipicklist': {
      if (!Array.isArray(raw) || !raw.every((v): v is string => typeof v === 'string')) return wrongType('a list of picklist values');
      let ok = true;
      for (const v of raw) {
        const check = validatePicklistValue(spec.htcds, v);
        if (!check.ok) {
          issues.error(at, 'unknown_value', check.message, { ...extra, allowed: check.allowed });
          ok = false;
        }
      }
      if (new Set(raw).size !== raw.length) {
        issues.error(at, 'duplicate_value', `${at} lists a value twice`, extra);
        ok = false;
      }
      return ok ? [...raw] : undefined;
    }
    case 'code':
    case 'codes': {
      const values = spec.kind === 'codes' ? raw : [raw];
      if (!Array.isArray(values) || !values.every((v): v is string => typeof v === 'string')) return wrongType(spec.kind === 'codes' ? 'a list of codes' : 'a code');
      const bad = values.filter((v) => !checkCodeShape(spec.standard, v).ok);
      if (bad.length > 0) {
        issues.error(at, 'invalid_code', `${at} needs ${checkCodeShape(spec.standard, '').rule}; got ${bad.map((b) => `"${b}"`).join(', ')}`, extra);
        return undefined;
      }
      if (new Set(values).size !== values.length) {
        issues.error(at, 'duplicate_value', `${at} lists a code twice`, extra);
        return undefined;
      }
      return spec.kind === 'codes' ? [...values] : raw;
    }
  }
}

/** A field of a section as a row of the HTCDS mapping (used by the README, import/export and tests). */
export interface FieldMapping {
  readonly path: string;
  readonly htcds: HtcdsFieldName | null;
  readonly kind: FieldSpec['kind'];
  readonly identifying: IdentifyingKind | null;
}

export function sectionMappings(path: string, spec: SectionSpec): FieldMapping[] {
  return Object.entries(spec).map(([key, s]) => ({ path: `${path}.${key}`, htcds: s.htcds, kind: s.kind, identifying: s.identifying ?? null }));
}
