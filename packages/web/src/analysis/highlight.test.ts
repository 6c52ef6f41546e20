import { describe, expect, it } from 'vitest';
import { placeMarks, safeCut, segment, splitHidden, type Mark } from './highlight';

describe('segment', () => {
  const text = 'Colegiala recién llegada\n\nNuevas chicas 24 horas';
  const marks: Mark[] = [
    { kind: 'indicator', start: 0, end: 9, ref: 1, category: 'youth' },
    { kind: 'indicator', start: 26, end: 39, ref: 2, category: 'third-party' },
    { kind: 'entity', start: 33, end: 48, ref: 0 },
  ];

  it('splits at every boundary, with the covering marks and the references after each indicator', () => {
    const segs = segment(0, text.length, marks);
    expect(segs.map((s) => text.slice(s.start, s.end))).toEqual(['Colegiala', ' recién llegada\n\n', 'Nuevas ', 'chicas', ' 24 horas']);
    expect(segs[0]!.marks.map((m) => m.ref)).toEqual([1]);
    expect(segs[0]!.endingIndicators).toEqual([1]);
    expect(segs[1]!.marks).toEqual([]);
    expect(segs[3]!.marks.map((m) => m.kind)).toEqual(['indicator', 'entity']);
    expect(segs[3]!.endingIndicators).toEqual([2]);
    expect(segs[4]!.marks.map((m) => m.kind)).toEqual(['entity']);
  });

  it('clips marks to the range (title and text are rendered separately)', () => {
    const segs = segment(26, text.length, marks);
    expect(segs[0]!.start).toBe(26);
    expect(segs.map((s) => text.slice(s.start, s.end)).join('')).toBe(text.slice(26));
    expect(segment(5, 5, marks)).toEqual([]);
  });
});

describe('placeMarks', () => {
  it('keeps spans whose text matches and counts the others as misplaced', () => {
    const src = 'abc def';
    const placed = placeMarks(src, {
      indicators: [{ category: 'youth', spans: [{ start: 0, end: 3, text: 'abc' }, { start: 1, end: 4, text: 'zzz' }, { start: 5, end: 99, text: 'x' }] }],
      entities: [{ start: 4, end: 7, value: 'def' }],
    });
    expect(placed.marks.map((m) => [m.kind, m.start, m.end])).toEqual([
      ['indicator', 0, 3],
      ['entity', 4, 7],
    ]);
    expect(placed.misplaced).toBe(2);
  });
});

describe('splitHidden', () => {
  it('replaces invisible and direction characters by named markers', () => {
    expect(splitHidden('me\u200Bnor')).toEqual(['me', { name: 'ZWSP', code: 'U+200B' }, 'nor']);
    expect(splitHidden('\u202Ealoh')).toEqual([{ name: 'RLO', code: 'U+202E' }, 'aloh']);
    expect(splitHidden('plain')).toEqual(['plain']);
    expect(splitHidden('')).toEqual([]);
  });

  it('keeps the joiner inside emoji sequences', () => {
    expect(splitHidden('👩\u200D💻')).toEqual(['👩\u200D💻']);
    expect(splitHidden('a\u200Db')).toEqual(['a', { name: 'ZWJ', code: 'U+200D' }, 'b']);
  });
});

describe('safeCut', () => {
  it('never cuts inside a surrogate pair', () => {
    const s = 'ab😀cd';
    expect(safeCut(s, 3)).toBe(2);
    expect(safeCut(s, 4)).toBe(4);
    expect(safeCut(s, 99)).toBe(s.length);
  });
});
