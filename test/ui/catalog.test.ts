// The home screen lists every built-in scenario the worker can load, with the file's own facts.
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/ui/home/catalog';
import { BUILTIN_IDS } from '../../src/worker/builtins';
import { builtin } from '../helpers';

describe('home catalog', () => {
  it('lists every built-in scenario, easiest first, with its file\'s facts', () => {
    expect(CATALOG.map((c) => c.id).sort()).toEqual([...BUILTIN_IDS]);
    for (const c of CATALOG) {
      const sc = builtin(c.id);
      expect(c).toEqual({ id: sc.id, title: sc.title, description: sc.description, difficulty: sc.difficulty, industry: sc.industry, rounds: sc.rounds, customers: sc.population.size, ...(sc.market ? { market: sc.market } : {}) });
    }
    const d = CATALOG.map((c) => c.difficulty);
    expect(d).toEqual([...d].sort((a, b) => a - b));
  });
});
