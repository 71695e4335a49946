// One name for a tier on every screen: with one tier in use it is every customer, not the
// scenario's top tier; otherwise the scenario's name, or "Tier n" where the scenario has none.
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../src/ui/i18n/index';
import { tierName } from '../../src/ui/shell/tierName';
import { builtin } from '../helpers';

beforeAll(() => {
  initI18n('en');
});

describe('tierName', () => {
  const hotel = builtin('hotel');

  it('is "All customers" / 所有客户 while one tier is in use, whatever the scenario calls its top tier', () => {
    expect(hotel.tiers[0]!.name.en).toBe('Platinum guests');
    expect(tierName(hotel, 0, 1, 'en')).toBe('All customers');
    expect(tierName(hotel, 0, 1, 'zh-CN')).toBe('所有客户');
    expect(tierName(builtin('ad-agency'), 0, 1, 'en')).toBe('All customers');
  });

  it('is the scenario\'s name of the tier with two tiers or more, in the learner\'s language', () => {
    expect(tierName(hotel, 0, 2, 'en')).toBe('Platinum guests');
    expect(tierName(hotel, 1, 3, 'zh-CN')).toBe(hotel.tiers[1]!.name['zh-CN']);
  });

  it('is "Tier n" for a tier the scenario does not name', () => {
    const n = hotel.tiers.length;
    expect(tierName(hotel, n, n + 1, 'en')).toBe(`Tier ${n + 1}`);
    expect(tierName(hotel, n, n + 1, 'zh-CN')).toBe(`第 ${n + 1} 级`);
  });
});
