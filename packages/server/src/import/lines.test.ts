import { describe, expect, it } from 'vitest';
import { splitLines, type LineEvent } from './lines.js';

async function collect(chunks: string[], max?: number): Promise<LineEvent[]> {
  const out: LineEvent[] = [];
  async function* gen() {
    yield* chunks;
  }
  for await (const e of splitLines(gen(), max)) out.push(e);
  return out;
}

describe('splitLines', () => {
  it('numbers lines across chunk boundaries, LF and CRLF, with or without a final line end', async () => {
    expect(await collect(['uno\r\ndo', 's\n\ntr', 'es'])).toEqual([
      { kind: 'line', line: 1, text: 'uno' },
      { kind: 'line', line: 2, text: 'dos' },
      { kind: 'line', line: 3, text: '' },
      { kind: 'line', line: 4, text: 'tres' },
    ]);
  });

  it('drops a line over the limit, whether it arrives in one chunk or many, and keeps counting', async () => {
    const events = await collect(['ok\n', 'x'.repeat(30), 'x'.repeat(30), '\nfin\n', 'y'.repeat(25) + '\nz'], 20);
    expect(events).toEqual([
      { kind: 'line', line: 1, text: 'ok' },
      { kind: 'tooLong', line: 2, length: 60 },
      { kind: 'line', line: 3, text: 'fin' },
      { kind: 'tooLong', line: 4, length: 25 },
      { kind: 'line', line: 5, text: 'z' },
    ]);
  });
});
