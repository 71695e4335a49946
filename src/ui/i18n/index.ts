/**
 * i18next with every feature's messages, in en and zh-CN. Keys are typed (see
 * `i18next.d.ts`), so a missing message is a compile error; `test/ui/messages.test.ts`
 * checks that both languages have the same keys.
 */
import i18next, { type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../sim/text';
import { chartsMessages } from '../charts/messages';
import { databaseMessages } from '../database/messages';
import { firmMessages } from '../firm/messages';
import { compareMessages } from '../compare/messages';
import { marketMessages } from '../market/messages';
import { classesMessages } from '../classes/messages';
import { workbenchMessages } from '../workbench/messages';
import { debriefMessages } from '../debrief/messages';
import { exportsMessages } from '../debrief/exportsMessages';
import { lessonsMessages } from '../debrief/lessonsMessages';
import { commonMessages } from './common';

/** Every namespace with its messages. */
export const NAMESPACES = {
  common: commonMessages,
  charts: chartsMessages,
  database: databaseMessages,
  firm: firmMessages,
  debrief: debriefMessages,
  lessons: lessonsMessages,
  exports: exportsMessages,
  compare: compareMessages,
  market: marketMessages,
  classes: classesMessages,
  workbench: workbenchMessages,
} as const;

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** Resources in i18next's shape. */
function resources(lang: Lang): ResourceLanguage {
  return Object.fromEntries(Object.entries(NAMESPACES).map(([ns, m]) => [ns, m[lang]]));
}

/** Initializes i18next (synchronously: resources are bundled) in `lang`. */
export function initI18n(lang: Lang): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      lng: lang,
      fallbackLng: 'en',
      defaultNS: 'common',
      ns: Object.keys(NAMESPACES),
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
