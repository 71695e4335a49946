/**
 * i18next with the first screen's messages bundled, in en and zh-CN; the other namespaces load
 * with the screens that use them (`register.ts`). Keys are typed (see `i18next.d.ts`), so a
 * missing message is a compile error; `test/ui/messages.test.ts` checks that both languages
 * have the same keys (every namespace: `all.ts`).
 */
import i18next, { type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../sim/text';
import { marketMessages } from '../market/messages';
import { classesMessages } from '../classes/messages';
import { commonMessages } from './common';
import { LAZY_NAMESPACES, pendingResources } from './register';

/** The namespaces in the first bundle: the shell, home and the game screens (`common`), the market's teams, the class code. */
export const BUNDLED_NAMESPACES = {
  common: commonMessages,
  market: marketMessages,
  classes: classesMessages,
} as const;

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** Resources in i18next's shape. */
function resources(lang: Lang): ResourceLanguage {
  return { ...Object.fromEntries(Object.entries(BUNDLED_NAMESPACES).map(([ns, m]) => [ns, m[lang]])), ...pendingResources(lang) };
}

/** Initializes i18next (synchronously: the first screen's resources are bundled, the others are added as their screens load) in `lang`. */
export function initI18n(lang: Lang): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      lng: lang,
      fallbackLng: 'en',
      defaultNS: 'common',
      ns: [...Object.keys(BUNDLED_NAMESPACES), ...LAZY_NAMESPACES],
      resources: { en: resources('en'), 'zh-CN': resources('zh-CN') },
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  } else if (i18next.language !== lang) void i18next.changeLanguage(lang);
  return i18next;
}

/** The language to start in: a saved choice, else the browser's (Chinese → zh-CN), else en. */
export function initialLang(saved: string | null, browser: readonly string[]): Lang {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return browser.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
