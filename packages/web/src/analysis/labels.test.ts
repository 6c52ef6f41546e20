import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { en } from '../i18n/en';
import { es } from '../i18n/es';
import { errorMessage } from '../i18n/errors';
import { format, type MessageKey } from '../i18n';
import { categoryLabel, featureLabel, formatSigned, indicatorLabel } from './labels';

const tFor = (m: typeof es) => (key: MessageKey, vars?: Record<string, string | number>) => format(m[key], vars);

describe('analysis labels', () => {
  it('translate known ids and fall back on the English label, marked as English, for unknown ones', () => {
    expect(indicatorLabel(tFor(es), 'youth.schoolgirl', 'School or schoolgirl terms')).toEqual({ text: es['indicator.youth.schoolgirl'] });
    expect(indicatorLabel(tFor(es), 'youth.new-cue', 'A cue added later')).toEqual({ text: 'A cue added later', lang: 'en' });
    expect(categoryLabel(tFor(en), 'control').text).toBe('Control and third-party management');
  });

  it('keeps the counts of link-graph signals from the English explanation', () => {
    expect(featureLabel(tFor(es), 'entity.phone-shared-ads', 'The phone appears in 12 ads (weight 0.3 × 3.58)').text).toBe('El teléfono aparece en 12 anuncios');
    expect(featureLabel(tFor(en), 'entity.obfuscated-phone', 'A phone number is written… (weight 0.5 × 1)').text).toBe(en['feature.entity.obfuscated-phone']);
  });

  it('format weights with their sign and the decimal separator of the language', () => {
    expect(formatSigned('es', 1.6)).toBe('+1,6');
    expect(formatSigned('en', -3)).toBe('-3');
  });
});

describe('item error codes', () => {
  const i18n = (m: typeof es) => ({ t: tFor(m), formatDateTime: (s: string | null | undefined) => s ?? '', formatTime: (s: string) => s });
  it('are translated, never shown as the server wrote them', () => {
    for (const code of ['item.purpose_required', 'item.invalid_cursor', 'request.malformed_json']) {
      const err = new ApiError(400, { code, detail: 'english detail' });
      expect(errorMessage(err, i18n(es))).toBe(es[`error.${code}` as MessageKey]);
      expect(errorMessage(err, i18n(en))).toBe(en[`error.${code}` as MessageKey]);
    }
  });
});
