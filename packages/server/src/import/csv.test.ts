import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvEvent } from './csv.js';

/** Parses `text` fed in chunks of `size` characters, to prove chunk boundaries never matter. */
function parse(text: string, size = text.length || 1, opts = {}): CsvEvent[] {
  const p = new CsvParser(opts);
  const out: CsvEvent[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...p.push(text.slice(i, i + size)));
  return [...out, ...p.end()];
}

const records = (events: CsvEvent[]) => events.filter((e) => e.kind === 'record').map((e) => (e.kind === 'record' ? [e.line, e.fields] : null));

describe('CsvParser (RFC 4180, streaming)', () => {
  const sample = 'title,text,url\r\n"Chica nueva, 19 años","Hola, amor.\nLlámame ""ya""",https://ejemplo.test/a/1\r\nplain,row,x\n';

  it('handles quoted commas, doubled quotes and newlines inside quotes, at any chunk size', () => {
    const expected = [
      [1, ['title', 'text', 'url']],
      [2, ['Chica nueva, 19 años', 'Hola, amor.\nLlámame "ya"', 'https://ejemplo.test/a/1']],
      [4, ['plain', 'row', 'x']],
    ];
    for (const size of [1, 2, 3, 7, 1000]) expect(records(parse(sample, size)), `chunk ${size}`).toEqual(expected);
  });

  it('accepts LF, CRLF and CR line ends, a BOM, blank lines and a last line without a line end', () => {
    expect(records(parse('\uFEFFa,b\r\n\r\nc,d\re,f\n\ng,h'))).toEqual([
      [1, ['a', 'b']],
      [3, ['c', 'd']],
      [4, ['e', 'f']],
      [6, ['g', 'h']],
    ]);
  });

  it('keeps empty fields and a quote inside an unquoted field', () => {
    expect(records(parse(',x,\n5\'10",""\n'))).toEqual([
      [1, ['', 'x', '']],
      [2, ['5\'10"', '']],
    ]);
  });

  it('reports text after a closing quote by line and resumes on the next line', () => {
    const events = parse('a,b\n"bad"x,1\nc,d\n', 2);
    expect(events).toEqual([
      { kind: 'record', line: 1, fields: ['a', 'b'] },
      { kind: 'error', line: 2, reason: 'text after a closing quote' },
      { kind: 'record', line: 3, fields: ['c', 'd'] },
    ]);
  });

  it('reports an unterminated quote at the end of the file with the lines it spans', () => {
    const events = parse('a,b\n"never closed,1\nmore\n');
    expect(events[0]).toEqual({ kind: 'record', line: 1, fields: ['a', 'b'] });
    expect(events[1]).toMatchObject({ kind: 'error', line: 2 });
    expect((events[1] as { reason: string }).reason).toMatch(/unterminated quoted field \(lines 2–4\)/);
  });

  it('skips an over-long record instead of holding it, then carries on', () => {
    const long = `"${'x'.repeat(500)}\n${'y'.repeat(50)}"\nok,1\n`;
    const events = parse(`a,b\n${long}`, 64, { maxRecordChars: 100 });
    expect(events[1]).toMatchObject({ kind: 'error', line: 2 });
    expect(events.at(-1)).toEqual({ kind: 'record', line: 4, fields: ['ok', '1'] });
  });
});
