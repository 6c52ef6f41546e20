import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { es } from './es';
import { en } from './en';
import { detectLang, format, type MessageKey } from './index';
import { errorMessage } from './errors';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('have the same keys, no empty text, and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    for (const key of Object.keys(es) as MessageKey[]) {
      expect(es[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(es[key]));
    }
  });

  it('label the language buttons in their own language', () => {
    expect(es['lang.es']).toBe('Español');
    expect(en['lang.es']).toBe('Español');
    expect(es['lang.en']).toBe('English');
  });
});

describe('detectLang', () => {
  it('takes the first supported language the browser prefers, else English', () => {
    expect(detectLang(['es-MX', 'en'])).toBe('es');
    expect(detectLang(['pt-BR', 'es', 'en'])).toBe('es');
    expect(detectLang(['en-US', 'es'])).toBe('en');
    expect(detectLang(['fr-FR', 'de'])).toBe('en');
    expect(detectLang([])).toBe('en');
  });
});

describe('format', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(format('Hola, {name}.', { name: 'Ana' })).toBe('Hola, Ana.');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});

describe('errorMessage', () => {
  const i18nFor = (messages: typeof es) => ({
    t: (key: MessageKey, vars?: Record<string, string | number>) => format(messages[key], vars),
    formatDateTime: (iso: string | null | undefined) => `DT(${iso})`,
    formatTime: (iso: string) => `T(${iso})`,
  });
  const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
    new ApiError(status, { type: 'about:blank', title: code, status, code, detail: 'server text in English', ...extra });

  it('maps stable codes to the user language and never shows the server detail', () => {
    const msg = errorMessage(problem(401, 'auth.invalid_credentials'), i18nFor(es));
    expect(msg).toBe(es['error.auth.invalid_credentials']);
    expect(errorMessage(problem(401, 'auth.invalid_credentials'), i18nFor(en))).toBe(en['error.auth.invalid_credentials']);
    expect(errorMessage(problem(409, 'user.last_admin'), i18nFor(es))).toBe(es['error.user.last_admin']);
  });

  it('says until when an account is locked', () => {
    const later = new Date(Date.now() + 60_000).toISOString();
    expect(errorMessage(problem(423, 'auth.locked', { lockedUntil: later }), i18nFor(en))).toContain(`T(${later})`);
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString();
    expect(errorMessage(problem(423, 'auth.locked', { lockedUntil: tomorrow }), i18nFor(es))).toContain(`DT(${tomorrow})`);
    expect(errorMessage(problem(423, 'auth.locked'), i18nFor(es))).toBe(es['error.auth.locked_generic']);
  });

  it('uses Retry-After for rate limits and falls back on the status for unknown codes', () => {
    expect(errorMessage(new ApiError(429, { code: 'rate_limited' }, 30), i18nFor(en))).toContain('30 seconds');
    expect(errorMessage(problem(400, 'validation.something_new'), i18nFor(en))).toBe(en['error.validation']);
    expect(errorMessage(problem(503, 'maintenance'), i18nFor(es))).toBe(es['error.server']);
    expect(errorMessage(new ApiError(0, { code: 'network' }), i18nFor(es))).toBe(es['error.network']);
    expect(errorMessage(new Error('boom'), i18nFor(en))).toBe(en['error.server']);
  });

  it('states the minimum password length the server asks for', () => {
    const err = new ApiError(400, { code: 'validation.password_too_short', detail: 'passwords need at least 12 characters' });
    expect(errorMessage(err, i18nFor(es))).toBe('La contraseña debe tener al menos 12 caracteres.');
  });
});
