/**
 * The one name of a tier on every screen: while a single tier is in use it is every customer
 * ("All customers", 所有客户), not the scenario's top tier ("Platinum guests"); otherwise the
 * scenario's name for the tier, or "Tier n" for a tier it does not name.
 */
import i18next from 'i18next';
import { pickText, type Lang, type LocalText } from '../../sim/text';

/** Name of tier `tier` (0 = top) when `tierCount` tiers are in use. */
export function tierName(scenario: { readonly tiers: readonly { readonly name?: LocalText }[] }, tier: number, tierCount: number, lang: Lang): string {
  if (tierCount === 1) return i18next.t('tiers.all', { lng: lang });
  return pickText(scenario.tiers[tier]?.name, lang) || i18next.t('tiers.n', { lng: lang, n: tier + 1 });
}
