// A small RFC 4180-style CSV reader for the evaluation (eval must not import server code): any one-character
// separator, quoted fields with doubled quotes and embedded separators/newlines, CRLF/LF/CR line ends, a leading
// byte-order mark. Malformed records (text after a closing quote, an unterminated quote) are counted, not returned.

export interface CsvResult {
  header: string[];
  rows: string[][];
  /** 1-based line numbers where a malformed record started. */
  malformed: number[];
}

export function parseCsv(text: string, separator = ','): CsvResult {
  const records: Array<{ line: number; fields: string[] }> = [];
  const malformed: number[] = [];
  let fields: string[] = [];
  let field = '';
  let state: 'start' | 'unquoted' | 'quoted' | 'afterQuote' | 'bad' = 'start';
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endRecord = (): void => {
    if (state === 'bad') malformed.push(recordLine);
    else {
      fields.push(field);
      // Skip blank lines.
      if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    state = 'start';
  };

  for (; i < text.length; i++) {
    let c = text[i] as string;
    if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      c = '\n';
    }
    if (state === 'quoted') {
      if (c === '"') state = 'afterQuote';
      else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '\n') {
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    if (state === 'bad') continue;
    if (state === 'afterQuote') {
      if (c === '"') {
        field += '"';
        state = 'quoted';
      } else if (c === separator) {
        fields.push(field);
        field = '';
        state = 'start';
      } else {
        state = 'bad';
      }
      continue;
    }
    if (c === separator) {
      fields.push(field);
      field = '';
      state = 'start';
      continue;
    }
    if (state === 'start' && c === '"') {
      state = 'quoted';
      continue;
    }
    field += c;
    state = 'unquoted';
  }
  if (state === 'quoted') malformed.push(recordLine);
  else if (state !== 'start' || field.length > 0 || fields.length > 0) endRecord();

  const [head, ...rest] = records;
  return { header: head?.fields ?? [], rows: rest.map((r) => r.fields), malformed };
}
