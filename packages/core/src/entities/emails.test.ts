import { describe, expect, it } from 'vitest';
import { findEmails } from './emails.js';
import { extractEntities } from './extract.js';
import type { EmailEntity } from './types.js';

const emails = (text: string): EmailEntity[] => extractEntities(text).filter((e): e is EmailEntity => e.type === 'email');

function expectEmail(text: string, written: string, normalized: string, obfuscated: boolean): void {
  const start = text.indexOf(written);
  expect(emails(text)).toEqual([
    { type: 'email', value: written, start, end: start + written.length, normalized, obfuscated },
  ]);
}

describe('e-mails', () => {
  it('plain addresses, lower-cased', () => {
    expectEmail('Escríbeme a Juana.Bella22@Example.COM para citas.', 'Juana.Bella22@Example.COM', 'juana.bella22@example.com', false);
    expectEmail('mail: ana+citas@correo.example.com.br', 'ana+citas@correo.example.com.br', 'ana+citas@correo.example.com.br', false);
  });

  it.each([
    ['juana arroba gmail punto com', 'juana@gmail.com'],
    ['juana ARROBA gmail PUNTO com', 'juana@gmail.com'],
    ['juana(at)example(dot)com', 'juana@example.com'],
    ['juana [at] example [dot] com', 'juana@example.com'],
    ['juana{at}example{dot}com', 'juana@example.com'],
    ['juana <at> example <dot> com', 'juana@example.com'],
    ['juana at example dot com', 'juana@example.com'],
    ['juana @ example . com'.replace(' . ', '.'), 'juana@example.com'],
    ['juana(arroba)example.com', 'juana@example.com'],
    ['ana_b arroba example ponto com ponto br', 'ana_b@example.com.br'],
    ['juana[@]example[.]com', 'juana@example.com'],
  ])('obfuscated: %s', (written, normalized) => {
    expectEmail(`Contacto: ${written} gracias`, written, normalized, true);
  });

  it('a provider without its TLD ("juana arroba gmail")', () => {
    expectEmail('mi correo juana22 arroba gmail, escribe', 'juana22 arroba gmail', 'juana22@gmail.com', true);
  });

  it('full-width @ and letters fold to ASCII with exact spans', () => {
    const written = 'ｊｕａｎａ＠ｅｘａｍｐｌｅ．ｃｏｍ';
    expectEmail(`correo ${written}`, written, 'juana@example.com', true);
  });

  it('does not read prose as an address', () => {
    expect(findEmails('Meet me at the park dot com tonight')).toEqual([]);
    expect(findEmails('write to me at gmail dot com')).toEqual([]);
    expect(findEmails('Estoy at home, nos vemos at 8')).toEqual([]);
    expect(findEmails('Sígueme @juana_bella en IG')).toEqual([]);
    expect(findEmails('juana@localhost')).toEqual([]);
  });

  it('does not read a link after an "at" word as an address', () => {
    expect(findEmails('More pics at www.example.com/x')).toEqual([]);
    expect(findEmails('Apply at example.com/jobs today')).toEqual([]);
    expect(findEmails('Book online at www.example.com — no walk-ins')).toEqual([]);
    expect(findEmails('More photos at example.com')).toEqual([]);
    // A plausible mailbox before "at" still counts.
    expect(findEmails('Contacto: juana22 at example dot com').map((e) => e.normalized)).toEqual(['juana22@example.com']);
    expect(findEmails('Contacto: juana22 at example.com.').map((e) => e.normalized)).toEqual(['juana22@example.com']);
  });

  it('a provider without its TLD at the end of a sentence', () => {
    expectEmail('Escríbeme a ana.fict27 arroba gmail. Besos.', 'ana.fict27 arroba gmail', 'ana.fict27@gmail.com', true);
    expectEmail('mi correo ana22 arroba hotmail.', 'ana22 arroba hotmail', 'ana22@hotmail.com', true);
    // A TLD after the dot makes it a full domain, not a bare provider.
    expect(findEmails('ana22 arroba gmail . com').map((e) => e.normalized)).toEqual([]);
  });

  it('leaves the sentence period out of the span', () => {
    const [e] = findEmails('Escribe a ana@example.org.');
    expect(e?.end).toBe('Escribe a ana@example.org'.length);
  });
});
