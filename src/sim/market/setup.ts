/**
 * A market's setup facts, apart from the engine so the facilitator's screens may use them: how
 * many firms a market holds, how long a name may be, and a scenario's firm count and names.
 */
import type { ScenarioConfig } from '../config';

/** The most firms a market holds. */
export const MAX_FIRMS = 8;

/** The longest name a firm may have (characters). */
export const MAX_FIRM_NAME = 60;

/** How many firms a market of `scenario` may have, and how many its setup starts with: its `market` section, else 2..MAX_FIRMS and 4. */
export function marketFirms(scenario: Pick<ScenarioConfig, 'market'>): { min: number; max: number; default: number } {
  return scenario.market?.firms ?? { min: 2, max: MAX_FIRMS, default: 4 };
}

/** The default name of the firm in `seat`: the scenario's name for it in `lang` (else its other language), else a letter. */
export function defaultFirmName(scenario: Pick<ScenarioConfig, 'market'>, seat: number, lang: 'en' | 'zh-CN', letter: (l: string) => string = (l) => l): string {
  const n = scenario.market?.names?.[seat];
  const other = lang === 'en' ? 'zh-CN' : 'en';
  return n?.[lang] ?? n?.[other] ?? letter(String.fromCharCode(65 + seat));
}

/** Why `n` firms cannot play `scenario` as a market (its range; its starting shares), or null. One firm is the solo game and always plays. */
export function marketSizeProblem(scenario: ScenarioConfig, n: number): string | null {
  if (n === 1) return null;
  const { min, max } = marketFirms(scenario);
  if (n < min || n > max) return `this scenario's market takes ${min === max ? `${min}` : `${min} to ${max}`} firms, not ${n} (market.firms)`;
  return null;
}
