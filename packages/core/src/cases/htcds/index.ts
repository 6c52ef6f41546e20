// HTCDS 2.0 vocabulary (IOM, CC BY 4.0): the generated field list and typed accessors.
export { HTCDS_FIELDS, HTCDS_SECTIONS, HTCDS_SOURCE } from './fields.generated.js';
export * from './vocabulary.js';
