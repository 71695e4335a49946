/**
 * Learner-facing text in both languages. Either may be missing; readers fall back to the
 * other (see {@link pickText}).
 */
export interface LocalText {
  en?: string;
  'zh-CN'?: string;
}

/** A supported UI language. */
export type Lang = 'en' | 'zh-CN';

/** The text in `lang`, or in the other language when that one is missing, or `''`. */
export function pickText(text: LocalText | undefined, lang: Lang): string {
  if (!text) return '';
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  return text[lang] ?? text[other] ?? '';
}
