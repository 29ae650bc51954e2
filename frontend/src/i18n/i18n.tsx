import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';

import { env } from '@/config/env';

import {
  DEFAULT_LOCALE,
  MESSAGES,
  formatMessage,
  isLocale,
  type Locale,
  type MessageKey,
} from './messages';

const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Formats a date/time in the current language, e.g. 2025年11月26日 15:04:35 / Nov 26, 2025 3:04 PM. */
  formatDateTime: (value: Date | number | string) => string;
  /** A date, e.g. 2027年1月10日 / Jan 10, 2027. */
  formatDate: (value: Date | number | string) => string;
  /** A date and time to the minute, e.g. 2027年1月10日 17:00 / Jan 10, 2027 17:00 (deadlines). */
  formatMinute: (value: Date | number | string) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(env.LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // Storage can be unavailable (privacy mode, disabled cookies): fall back to the default.
    return DEFAULT_LOCALE;
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(env.LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits, but the switch still works for this page view.
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  // Layout effect: the document language and dayjs locale change before the browser paints,
  // so screen readers and date formatting never disagree with the visible text.
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(DAYJS_LOCALES[locale]);
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const messages = MESSAGES[locale];
    const zh = locale === 'zh-CN';
    const as = (pattern: string) => (date: Date | number | string) => dayjs(date).locale(DAYJS_LOCALES[locale]).format(pattern);
    return {
      locale,
      setLocale,
      t: (key, vars) => formatMessage(messages[key], vars),
      formatDateTime: as(zh ? 'YYYY年M月D日 HH:mm:ss' : 'MMM D, YYYY HH:mm:ss'),
      formatDate: as(zh ? 'YYYY年M月D日' : 'MMM D, YYYY'),
      formatMinute: as(zh ? 'YYYY年M月D日 HH:mm' : 'MMM D, YYYY HH:mm'),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
