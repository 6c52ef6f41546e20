/**
 * An error that reaches the caller as application/problem+json (RFC 9457) with a stable `code`.
 * Services throw it; the HTTP layer and the CLI render it.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'Problem';
  }

  /** True when the service already wrote this refusal to the audit log, so the HTTP layer does not again. */
  auditRecorded = false;

  recorded(): this {
    this.auditRecorded = true;
    return this;
  }
}

export const notFound = (what: string) => new Problem(404, 'not_found', `${what} was not found`);
