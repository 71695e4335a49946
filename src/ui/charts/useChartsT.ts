import './messages'; // registers the 'charts' messages (they load with this screen)
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../sim/text';

/** The charts' messages. */
export type ChartsT = TFunction<'charts'>;

/** The charts' messages in `lang` (a chart follows its `lang` prop, not the page's current language). */
export function useChartsT(lang: Lang): ChartsT {
  return useTranslation('charts', { lng: lang }).t;
}
