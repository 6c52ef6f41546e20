// Which case fields identify a person. The server encrypts exactly these, field by field, and leaves the rest
// (picklists, countries, dates of events) in clear so that it can filter and count without decrypting.
import { sectionMappings, type FieldMapping, type IdentifyingKind } from './fieldSpec.js';
import { CASE_SECTIONS } from './sections.js';

export interface IdentifyingField {
  /** `section.field`; `section[].field` for repeated sections (applies to every element). */
  readonly path: string;
  readonly htcds: string | null;
  readonly kind: IdentifyingKind;
}

/** Every field of a case record with its HTCDS name, in section order. Paths as in IdentifyingField. */
export const CASE_FIELD_MAPPINGS: readonly FieldMapping[] = Object.entries(CASE_SECTIONS).flatMap(([name, s]) =>
  sectionMappings(s.repeated ? `${name}[]` : name, s.spec),
);

export const IDENTIFYING_FIELDS: readonly IdentifyingField[] = CASE_FIELD_MAPPINGS.flatMap((m) =>
  m.identifying ? [{ path: m.path, htcds: m.htcds, kind: m.identifying }] : [],
);

const IDENTIFYING_PATHS = new Set(IDENTIFYING_FIELDS.map((f) => f.path));

/** Whether a field path identifies a person; `events[3].street` and `events[].street` are the same field. */
export function isIdentifyingField(path: string): boolean {
  return IDENTIFYING_PATHS.has(path.replace(/\[\d+\]/g, '[]'));
}

/** Whether a path names a field of a case record (used to check what a referral shares). */
export function isCaseFieldPath(path: string): boolean {
  return CASE_FIELD_MAPPINGS.some((m) => m.path === path.replace(/\[\d+\]/g, '[]'));
}
