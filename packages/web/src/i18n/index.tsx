import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { es, type MessageKey, type Messages } from './es';
import { en } from './en';

export type Lang = 'es' | 'en';
export type { MessageKey, Messages };

export const LANGS: readonly Lang[] = ['es', 'en'];
const catalogues: Record<Lang, Messages> = { es, en };
const STORAGE_KEY = 'centinela.lang';

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(es, key);
}

function readStoredLang(): Lang | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return v === 'es' || v === 'en' ? v : null;
  } catch {
    return null; // storage disabled (private mode, policy): fall back to the browser preference
  }
}

/** The first of the browser's preferred languages that we support wins; English otherwise. */
export function detectLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'es') return 'es';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

export function initialLang(): Lang {
  const stored = readStoredLang();
  if (stored) return stored;
  const prefs = navigator.languages && navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return detectLang(prefs);
}

export type Vars = Record<string, string | number>;

export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  formatDateTime: (iso: string | null | undefined) => string;
  /** Hours and minutes only, for instants later today. */
  formatTime: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still applies to this page.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = catalogues[lang];
    const locale = lang === 'es' ? 'es' : 'en-GB';
    const dtf = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const tf = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    return {
      lang,
      setLang,
      t: (key, vars) => format(messages[key], vars),
      formatDateTime: (iso) => {
        if (!iso) return '';
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : dtf.format(d);
      },
      formatTime: (iso) => {
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : tf.format(d);
      },
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
