/**
 * Namespaces that load with the screens that use them. The first screen (home) needs only the
 * namespaces `index.ts` bundles; the others (charts, the database, the firm view, the debrief,
 * its lessons and exports, the comparison, the workbench) are a quarter of the app's text, and
 * the first bundle would carry them for nothing. Each such namespace's messages module ends by
 * registering itself here, and every module that reads the namespace imports that messages
 * module (`test/ui/messages.test.ts` checks it): the bundler then puts the text in the chunk of
 * its first user, and the text is in i18next before that user renders.
 */
import i18next from 'i18next';
import type { Lang } from '../../sim/text';
import type { MessageTree } from './types';

/** The namespaces that load with their screens (typed in `i18next.d.ts` like the others). */
export const LAZY_NAMESPACES = ['charts', 'database', 'firm', 'debrief', 'lessons', 'exports', 'compare', 'workbench'] as const;
export type LazyNamespace = (typeof LAZY_NAMESPACES)[number];

type Messages = { readonly [L in Lang]: object };

/** Registered before i18next was initialised (a module evaluated before `initI18n` ran). */
const pending = new Map<LazyNamespace, Messages>();

/** Adds a namespace's messages in both languages to i18next, now or when it is initialised. */
export function registerMessages(ns: LazyNamespace, messages: Messages): void {
  if (!i18next.isInitialized) {
    pending.set(ns, messages);
    return;
  }
  for (const lang of ['en', 'zh-CN'] as const) i18next.addResourceBundle(lang, ns, messages[lang] as MessageTree, true, true);
}

/** The namespaces registered before initialisation, in i18next's resource shape for `lang`. */
export function pendingResources(lang: Lang): Record<string, MessageTree> {
  return Object.fromEntries([...pending].map(([ns, m]) => [ns, m[lang] as MessageTree]));
}
