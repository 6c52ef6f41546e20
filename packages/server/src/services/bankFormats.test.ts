import { describe, expect, it } from 'vitest';
import { exportHeader, exportLine, parseBankFile, parseSignal, splitCsvLine, type ParsedEntry } from './bankFormats.js';

const pdq = (c: string) => c.repeat(64);
const md5 = 'd41d8cd98f00b204e9800998ecf8427e';
const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('parseSignal', () => {
  it('infers MD5 from 32 digits and PDQ from 64; SHA-256 needs its prefix', () => {
    expect(parseSignal(md5)).toEqual({ signalType: 'md5', hash: md5 });
    expect(parseSignal(pdq('A'))).toEqual({ signalType: 'pdq', hash: pdq('a') });
    expect(parseSignal(`SHA256:${sha.toUpperCase()}`)).toEqual({ signalType: 'sha256', hash: sha });
  });
  it('names what is wrong', () => {
    expect(() => parseSignal('xyz')).toThrow('not hexadecimal');
    expect(() => parseSignal('a'.repeat(63))).toThrow('a pdq hash has 64 hex digits, not 63');
    expect(() => parseSignal(md5, 'sha256')).toThrow('64 hex digits, not 32');
    expect(() => parseSignal(`md5:${md5}`, 'pdq')).toThrow('the prefix says md5');
    expect(() => parseSignal('')).toThrow('empty');
  });
});

describe('splitCsvLine', () => {
  it('reads RFC 4180 quoting', () => {
    expect(splitCsvLine('a,"b, c","say ""hi""",')).toEqual(['a', 'b, c', 'say "hi"', '']);
    expect(() => splitCsvLine('a,"open')).toThrow('not closed');
    expect(() => splitCsvLine('a,b"c')).toThrow('quote inside');
  });
});

describe('parseBankFile', () => {
  it('lines: skips blanks and comments, numbers lines as in the file', () => {
    const file = `# test bank\n${pdq('1')}\n\n${md5}\r\nnot-a-hash\nsha256:${sha}\n`;
    const parsed = parseBankFile(file, 'lines');
    expect(parsed.read).toBe(4);
    expect(parsed.entries.map((e) => [e.line, e.signalType])).toEqual([
      [2, 'pdq'],
      [4, 'md5'],
      [6, 'sha256'],
    ]);
    expect(parsed.invalid).toEqual([{ line: 5, code: 'hash_not_hex', params: {}, reason: 'the hash is not hexadecimal' }]);
  });

  it('csv: with or without a header, metadata per line', () => {
    const body = `${pdq('2')},weapons,hotline-x,"note, with comma"\n${md5},,,\n`;
    for (const text of [`hash,category,source,note\n${body}`, body]) {
      const parsed = parseBankFile(text, 'csv');
      expect(parsed.read).toBe(2);
      expect(parsed.invalid).toEqual([]);
      expect(parsed.entries[0]).toMatchObject({ hash: pdq('2'), category: 'weapons', source: 'hotline-x', note: 'note, with comma' });
      expect(parsed.entries[1]).toMatchObject({ signalType: 'md5', category: null, source: null, note: null });
    }
  });

  it('csv: too many fields, control characters and long fields are invalid lines', () => {
    const parsed = parseBankFile(`${pdq('3')},a,b,c,d\n${pdq('4')},bad\u0001cat\n${pdq('5')},${'x'.repeat(65)}\n`, 'csv');
    expect(parsed.invalid.map((i) => i.line)).toEqual([1, 2, 3]);
    expect(parsed.invalid[0]!.reason).toContain('at most 4 fields');
    expect(parsed.invalid[0]).toMatchObject({ code: 'too_many_fields', params: { max: 4, found: 5 } });
  });

  it('te: pdq hash, quality, id; quality checked', () => {
    const parsed = parseBankFile(`pdq_hash,quality,id\n${pdq('6')},100,te-1\n${pdq('7')}\t87\tte-2\n${pdq('8')},101,te-3\n${pdq('9')},high,te-4\n${md5},90,x\n`, 'te');
    expect(parsed.read).toBe(5);
    expect(parsed.entries.map((e) => [e.quality, e.externalId])).toEqual([
      [100, 'te-1'],
      [87, 'te-2'],
    ]);
    expect(parsed.invalid.map((i) => i.line)).toEqual([4, 5, 6]);
  });

  it('every format reads back what it writes', () => {
    const entries: ParsedEntry[] = [
      { line: 0, signalType: 'pdq', hash: pdq('a'), quality: 90, category: 'cat "q"', source: ' spaced ', note: 'a, b', externalId: '77' },
      { line: 0, signalType: 'md5', hash: md5, quality: null, category: null, source: null, note: null, externalId: null },
      { line: 0, signalType: 'sha256', hash: sha, quality: null, category: 'x', source: null, note: null, externalId: null },
    ];
    for (const format of ['lines', 'csv', 'te'] as const) {
      const text = [exportHeader(format), ...entries.map((e) => exportLine(e, format))].filter((l) => l !== null).join('\n');
      const back = parseBankFile(text, format);
      expect(back.invalid).toEqual([]);
      const expected = format === 'te' ? entries.filter((e) => e.signalType === 'pdq') : entries;
      expect(back.entries.map((e) => [e.signalType, e.hash])).toEqual(expected.map((e) => [e.signalType, e.hash]));
      if (format === 'csv') expect(back.entries[0]).toMatchObject({ category: 'cat "q"', source: 'spaced', note: 'a, b' });
      if (format === 'te') expect(back.entries[0]).toMatchObject({ quality: 90, externalId: '77' });
    }
  });
});
