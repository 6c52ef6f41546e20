/** One CSV record and the physical line it starts on (1-based), or why the record starting there is malformed. */
export type CsvEvent = { kind: 'record'; line: number; fields: string[] } | { kind: 'error'; line: number; reason: string };

export interface CsvParserOptions {
  /** A record longer than this (UTF-16 units) is reported and skipped: an unterminated quote must not swallow the file. */
  maxRecordChars?: number;
}

export const DEFAULT_MAX_RECORD_CHARS = 1_000_000;

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'skip';

/**
 * A streaming RFC 4180 parser: feed it text in chunks of any size, get records as they complete. Quoted fields
 * may hold commas, quotes (doubled) and newlines; CRLF, LF and CR all end a record; blank lines are skipped.
 * A malformed record (text after a closing quote, an unterminated quote, an over-long record) is reported by the
 * line it starts on and skipped up to the next line end, so the rest of the file still parses. A quote inside an
 * unquoted field is kept as a literal character (`5'10"`), as most spreadsheet exports expect.
 */
export class CsvParser {
  readonly #max: number;
  #state: State = 'fieldStart';
  #fields: string[] = [];
  #field = '';
  #recordChars = 0;
  #line = 1;
  #recordLine = 1;
  #skipReason = '';
  #afterCr = false;
  #first = true;

  constructor(opts: CsvParserOptions = {}) {
    this.#max = opts.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  }

  push(chunk: string): CsvEvent[] {
    const out: CsvEvent[] = [];
    for (let i = 0; i < chunk.length; i++) {
      let c = chunk[i]!;
      if (this.#first) {
        this.#first = false;
        if (c === '\uFEFF') continue; // byte-order mark
      }
      // A LF right after a CR is the second half of one line end.
      if (this.#afterCr) {
        this.#afterCr = false;
        if (c === '\n') continue;
      }
      if (c === '\r') {
        this.#afterCr = true;
        c = '\n';
      }
      this.#step(c, out);
    }
    return out;
  }

  end(): CsvEvent[] {
    const out: CsvEvent[] = [];
    if (this.#state === 'quoted') {
      out.push({ kind: 'error', line: this.#recordLine, reason: `unterminated quoted field (lines ${this.#recordLine}–${this.#line})` });
    } else if (this.#state === 'skip') {
      out.push({ kind: 'error', line: this.#recordLine, reason: this.#skipReason });
    } else if (this.#state !== 'fieldStart' || this.#fields.length > 0) {
      this.#endRecord(out);
    }
    this.#reset();
    return out;
  }

  #step(c: string, out: CsvEvent[]): void {
    if (c === '\n' && this.#state !== 'quoted') {
      this.#lineEnd(out);
      this.#line++;
      return;
    }
    if (c === '\n') this.#line++;
    if (this.#state === 'skip') return;
    if (++this.#recordChars > this.#max) {
      this.#skip(`record longer than ${this.#max} characters (unterminated quote?)`);
      return;
    }
    switch (this.#state) {
      case 'fieldStart':
        if (c === '"') this.#state = 'quoted';
        else if (c === ',') this.#fields.push('');
        else {
          this.#field = c;
          this.#state = 'unquoted';
        }
        return;
      case 'unquoted':
        if (c === ',') this.#endField();
        else this.#field += c;
        return;
      case 'quoted':
        if (c === '"') this.#state = 'quoteInQuoted';
        else this.#field += c;
        return;
      case 'quoteInQuoted':
        if (c === '"') {
          this.#field += '"';
          this.#state = 'quoted';
        } else if (c === ',') this.#endField();
        else this.#skip('text after a closing quote');
        return;
    }
  }

  /** A line end outside quotes: ends the record, the skip, or a blank line. */
  #lineEnd(out: CsvEvent[]): void {
    if (this.#state === 'skip') out.push({ kind: 'error', line: this.#recordLine, reason: this.#skipReason });
    else if (this.#state !== 'fieldStart' || this.#fields.length > 0) this.#endRecord(out);
    this.#reset();
    this.#recordLine = this.#line + 1;
  }

  #endField(): void {
    this.#fields.push(this.#field);
    this.#field = '';
    this.#state = 'fieldStart';
  }

  #endRecord(out: CsvEvent[]): void {
    this.#fields.push(this.#field);
    out.push({ kind: 'record', line: this.#recordLine, fields: this.#fields });
  }

  #skip(reason: string): void {
    this.#state = 'skip';
    this.#skipReason = reason;
    this.#fields = [];
    this.#field = '';
  }

  #reset(): void {
    this.#state = 'fieldStart';
    this.#fields = [];
    this.#field = '';
    this.#recordChars = 0;
  }
}
