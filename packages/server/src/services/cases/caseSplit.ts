// Splits a case record into what may be stored in clear (picklists, countries, event dates: what statistics and
// filters need) and the identifying values (IDENTIFYING_FIELDS from core), which are sealed one by one.
import { IDENTIFYING_FIELDS, type CaseRecord } from '@centinela/core';

type Json = Record<string, unknown>;

/** `person.firstName` → ['person', null, 'firstName']; `events[].street` → ['events', 'each', 'street']. */
const PATHS = IDENTIFYING_FIELDS.map((f) => {
  const [section, field] = f.path.split('.') as [string, string];
  return section.endsWith('[]') ? { section: section.slice(0, -2), repeated: true, field } : { section, repeated: false, field };
});

/** The clear part of the record, and the identifying values by concrete path (`events[2].street`) as JSON text. */
export function splitCase(record: CaseRecord): { clear: CaseRecord; sealed: Map<string, string> } {
  const clear = structuredClone(record) as unknown as Json;
  const sealed = new Map<string, string>();
  for (const p of PATHS) {
    const section = clear[p.section];
    if (section === undefined || section === null) continue;
    const entries: Array<[string, Json]> = p.repeated
      ? (section as Json[]).map((e, i) => [`${p.section}[${i}].${p.field}`, e])
      : [[`${p.section}.${p.field}`, section as Json]];
    for (const [path, obj] of entries) {
      const value = obj[p.field];
      if (value === undefined || value === null) continue;
      sealed.set(path, JSON.stringify(value));
      delete obj[p.field];
    }
  }
  return { clear: clear as unknown as CaseRecord, sealed };
}

/** Puts opened values back into the clear record. Paths not in `values` stay absent (hidden). */
export function mergeCase(clear: CaseRecord, values: ReadonlyMap<string, string>): CaseRecord {
  const record = structuredClone(clear) as unknown as Json;
  for (const [path, text] of values) {
    const m = /^([a-zA-Z]+)(?:\[(\d+)\])?\.([a-zA-Z]+)$/.exec(path);
    if (!m) continue;
    const [, section, index, field] = m as unknown as [string, string, string | undefined, string];
    const container = record[section];
    const target = index === undefined ? (container as Json | undefined) : (container as Json[] | undefined)?.[Number(index)];
    if (!target) continue;
    target[field] = JSON.parse(text) as unknown;
  }
  return record as unknown as CaseRecord;
}
