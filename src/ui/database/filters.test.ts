import { describe, expect, it } from 'vitest';
import { digitsOnly, isFiltering, NO_FILTER, parseChoice, parseNumberChoice, workerFilter } from './filters';

describe('workerFilter', () => {
  it('filters nothing with no choice made', () => {
    expect(workerFilter(NO_FILTER)).toEqual({});
    expect(isFiltering(NO_FILTER)).toBe(false);
  });

  it('means the active customers of a tier (lapsed ones keep their last tier in the data)', () => {
    expect(workerFilter({ ...NO_FILTER, tier: 1 })).toEqual({ tier: 1, status: 0 });
    expect(workerFilter({ ...NO_FILTER, tier: 'lapsed' })).toEqual({ status: 1 });
  });

  it('finds no customer when tier and status contradict', () => {
    expect(workerFilter({ ...NO_FILTER, tier: 0, status: 1 })).toBeNull();
    expect(workerFilter({ ...NO_FILTER, tier: 'lapsed', status: 0 })).toBeNull();
    expect(workerFilter({ ...NO_FILTER, tier: 'lapsed', status: 1 })).toEqual({ status: 1 });
  });

  it('passes the other choices on, and only the digits of the id', () => {
    const f = { ...NO_FILTER, stage: 3, source: 2, hadFailure: true, hadComplaint: true, idPrefix: ' 12a3' };
    expect(workerFilter(f)).toEqual({ stage: 3, source: 2, hadFailure: true, hadComplaint: true, idPrefix: '123' });
    expect(isFiltering(f)).toBe(true);
  });
});

describe('select values', () => {
  it('round-trip through strings', () => {
    expect(parseChoice('all')).toBe('all');
    expect(parseChoice('lapsed')).toBe('lapsed');
    expect(parseChoice('2')).toBe(2);
    expect(parseChoice('-1')).toBe('all');
    expect(parseNumberChoice('lapsed')).toBe('all');
    expect(parseNumberChoice('0')).toBe(0);
  });

  it('keeps only digits of what is typed in the id box', () => {
    expect(digitsOnly('#4,2 1')).toBe('421');
    expect(digitsOnly('abc')).toBe('');
  });
});
