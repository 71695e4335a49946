/**
 * What the home screen shows of the built-in scenarios, without their whole files: Vite's
 * JSON named exports keep only the fields imported here in the first screen's bundle. The
 * worker loads the full file when a game starts.
 */
import type { MarketConfig } from '../../sim/config';
import type { LocalText } from '../../sim/text';
import { description as adDescription, difficulty as adDifficulty, id as adId, industry as adIndustry, population as adPopulation, rounds as adRounds, title as adTitle } from '../../../scenarios/ad-agency.json';
import { description as bankDescription, difficulty as bankDifficulty, id as bankId, industry as bankIndustry, population as bankPopulation, rounds as bankRounds, title as bankTitle } from '../../../scenarios/retail-bank.json';
import { description as districtDescription, difficulty as districtDifficulty, id as districtId, industry as districtIndustry, market as districtMarket, population as districtPopulation, rounds as districtRounds, title as districtTitle } from '../../../scenarios/hotel-district.json';
import { description as hotelDescription, difficulty as hotelDifficulty, id as hotelId, industry as hotelIndustry, population as hotelPopulation, rounds as hotelRounds, title as hotelTitle } from '../../../scenarios/hotel.json';
import { description as tutDescription, difficulty as tutDifficulty, id as tutId, industry as tutIndustry, population as tutPopulation, rounds as tutRounds, title as tutTitle } from '../../../scenarios/tutorial.json';

/** A built-in scenario as the home screen lists it. */
export interface CatalogEntry {
  id: string;
  title: LocalText;
  description: LocalText;
  difficulty: number;
  industry: string;
  rounds: number;
  customers: number;
  /** How the scenario plays as a market (absent: the defaults). */
  market?: MarketConfig;
}

/** Built-in scenarios, easiest first. */
export const CATALOG: readonly CatalogEntry[] = [
  { id: tutId, title: tutTitle, description: tutDescription, difficulty: tutDifficulty, industry: tutIndustry, rounds: tutRounds, customers: tutPopulation.size },
  { id: adId, title: adTitle, description: adDescription, difficulty: adDifficulty, industry: adIndustry, rounds: adRounds, customers: adPopulation.size },
  { id: hotelId, title: hotelTitle, description: hotelDescription, difficulty: hotelDifficulty, industry: hotelIndustry, rounds: hotelRounds, customers: hotelPopulation.size },
  { id: districtId, title: districtTitle, description: districtDescription, difficulty: districtDifficulty, industry: districtIndustry, rounds: districtRounds, customers: districtPopulation.size, market: districtMarket as MarketConfig },
  { id: bankId, title: bankTitle, description: bankDescription, difficulty: bankDifficulty, industry: bankIndustry, rounds: bankRounds, customers: bankPopulation.size },
];
