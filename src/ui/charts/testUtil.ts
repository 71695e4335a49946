/** Helpers for the charts' tests: messages in a language, and server-rendered markup. */
import './messages'; // registers the 'charts' messages (they load with this screen)
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Lang } from '../../sim/text';
import { initI18n } from '../i18n';
import type { ChartsT } from './useChartsT';

/** The charts' messages in `lang` (initialises i18next once). */
export function chartsT(lang: Lang): ChartsT {
  initI18n('en');
  return i18next.getFixedT(lang, 'charts');
}

/** Markup of `el`, with i18next ready. */
export function render(el: ReactElement): string {
  initI18n('en');
  return renderToStaticMarkup(el);
}

/** Text content of markup: tags removed, entities decoded, whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Values of attribute `name` in markup, in order. */
export function attrs(html: string, name: string): string[] {
  const re = new RegExp(`\\s${name}="([^"]*)"`, 'g');
  return [...html.matchAll(re)].map((m) => textOf(m[1] ?? ''));
}
