import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each([
    ['es', 'Hola caballeros, soy una chica muy cariñosa y educada, atiendo en mi apartamento con mucha discreción, escríbeme para más información.'],
    ['en', 'Hello gentlemen, I am a sweet and friendly companion, available this evening at my private apartment, text me for more details.'],
    ['pt', 'Oi amores, sou uma menina muito carinhosa e educada, atendo no meu apartamento com toda a discrição, me chama para mais informações.'],
  ] as const)('detects %s', (lang, text) => {
    const guess = detectLanguage(text);
    expect(guess.language).toBe(lang);
    expect(guess.confidence).toBeGreaterThan(0.03);
  });

  it("returns 'und' for short or letterless text", () => {
    expect(detectLanguage('Hola amor').language).toBe('und');
    expect(detectLanguage('').language).toBe('und');
    expect(detectLanguage('310 555 1234 https://example.com/x @user 💋💋💋').language).toBe('und');
  });

  it('ignores URLs and handles when deciding', () => {
    const text = 'https://example.com/very/long/path/that/is/not/language @someone_handle Oi amores, sou nova aqui e atendo todos os dias da semana com muito carinho.';
    expect(detectLanguage(text).language).toBe('pt');
  });
});
