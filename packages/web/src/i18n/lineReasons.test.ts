import { describe, expect, it } from 'vitest';
import { LINE_CODES, parseBankFile } from '../../../server/src/services/bankFormats';
import { es } from './es';
import { en } from './en';
import { format, type MessageKey } from './index';
import { lineReason } from './lineReasons';

describe('lineReason', () => {
  const tFor = (messages: typeof es) => (key: MessageKey, vars?: Record<string, string | number>) => format(messages[key], vars);

  it('translates every code the server can give', () => {
    for (const code of LINE_CODES) {
      expect(lineReason({ code, params: {}, reason: '' }, tFor(es)), code).not.toBeNull();
      expect(lineReason({ code, params: {}, reason: '' }, tFor(en)), code).not.toBeNull();
    }
  });

  it('fills in the values the server sends, naming fields in the user\'s language', () => {
    const { invalid } = parseBankFile(`${'a'.repeat(10)}\n${'b'.repeat(64)},${'x'.repeat(65)}\n`, 'csv');
    expect(invalid.map((line) => lineReason(line, tFor(es)))).toEqual([
      'un hash pdq tiene 64 cifras hexadecimales, no 10',
      `el campo ${es['banks.category'].toLowerCase()} tiene más de 64 caracteres`,
    ]);
    expect(lineReason(invalid[1]!, tFor(en))).toBe('the category field is longer than 64 characters');
  });

  it('returns null for a code it does not know, so the caller shows the English reason', () => {
    expect(lineReason({ code: 'something_new', params: {}, reason: 'something new' }, tFor(en))).toBeNull();
  });
});
