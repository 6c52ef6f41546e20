// Validation results. Errors make input unacceptable; warnings are shown to the caseworker but do not block,
// because victims' accounts are often partial or revised and the record must still be kept.

export type IssueCode =
  | 'required'
  | 'unknown_field'
  | 'wrong_type'
  | 'too_long'
  | 'unknown_value'
  | 'duplicate_value'
  | 'invalid_code'
  | 'invalid_format'
  | 'invalid_date'
  | 'date_in_future'
  | 'date_before_birth'
  | 'out_of_range'
  | 'inconsistent'
  | 'event_order';

export interface ValidationIssue {
  /** Path in our record, e.g. `person.gender` or `events[2].date`. */
  readonly field: string;
  readonly code: IssueCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** The HTCDS field behind `field`, when there is one. */
  readonly htcdsField?: string;
  /** The accepted values, for picklist errors. */
  readonly allowed?: readonly string[];
}

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly ValidationIssue[] }
  | { readonly ok: false; readonly errors: readonly ValidationIssue[]; readonly warnings: readonly ValidationIssue[] };

/** Collects issues while a record is checked. */
export class IssueList {
  readonly errors: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];

  error(field: string, code: IssueCode, message: string, extra?: Pick<ValidationIssue, 'htcdsField' | 'allowed'>): void {
    this.errors.push({ field, code, severity: 'error', message, ...extra });
  }

  warn(field: string, code: IssueCode, message: string, extra?: Pick<ValidationIssue, 'htcdsField' | 'allowed'>): void {
    this.warnings.push({ field, code, severity: 'warning', message, ...extra });
  }

  add(issues: { errors: readonly ValidationIssue[]; warnings: readonly ValidationIssue[] }): void {
    this.errors.push(...issues.errors);
    this.warnings.push(...issues.warnings);
  }

  /** A failed result; only valid once an error has been recorded. */
  fail<T>(): ParseResult<T> {
    return { ok: false, errors: this.errors, warnings: this.warnings };
  }

  result<T>(value: T): ParseResult<T> {
    return this.errors.length > 0
      ? { ok: false, errors: this.errors, warnings: this.warnings }
      : { ok: true, value, warnings: this.warnings };
  }
}
