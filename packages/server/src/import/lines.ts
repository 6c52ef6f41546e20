/** One line of a text stream with its 1-based number, or the number of a line too long to keep. */
export type LineEvent = { kind: 'line'; line: number; text: string } | { kind: 'tooLong'; line: number; length: number };

export const DEFAULT_MAX_LINE_CHARS = 2_000_000;

/**
 * Splits streamed text into lines (LF or CRLF) without ever holding more than one line: a line longer than
 * `maxChars` is reported and dropped as it streams by, so a file with no line breaks cannot exhaust memory.
 */
export async function* splitLines(chunks: AsyncIterable<string>, maxChars = DEFAULT_MAX_LINE_CHARS): AsyncGenerator<LineEvent> {
  let buffer = '';
  let line = 1;
  let dropped = -1; // length seen so far of a line being dropped, or -1
  const finish = (text: string): LineEvent => {
    const event: LineEvent = dropped >= 0 ? { kind: 'tooLong', line, length: dropped + text.length } : { kind: 'line', line, text: text.replace(/\r$/, '') };
    dropped = -1;
    line++;
    return event;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      const length = buffer.length + nl - start;
      if (dropped < 0 && length > maxChars) dropped = length;
      else if (dropped >= 0) dropped += nl - start;
      const piece = dropped >= 0 ? '' : buffer + chunk.slice(start, nl);
      buffer = '';
      start = nl + 1;
      yield finish(piece);
    }
    const rest = chunk.slice(start);
    if (dropped >= 0) dropped += rest.length;
    else if (buffer.length + rest.length > maxChars) {
      dropped = buffer.length + rest.length;
      buffer = '';
    } else buffer += rest;
  }
  if (buffer.length > 0 || dropped >= 0) yield finish(buffer);
}
