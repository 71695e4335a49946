import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labJobs, runLabJob } from '../../src/policies/lab';
import { setJsonText } from '../../src/scenario/jsonEdit';
import { loadScenario, playableIssues } from '../../src/scenario/load';
import { newGame } from '../../src/sim/index';
import { readDraft } from '../../src/worker/draft';

const tutorial = readFileSync('scenarios/tutorial.json', 'utf8');
const load = (text: string) => {
  const r = loadScenario(text, 'draft.json');
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.scenario;
};

describe('a first quarter no plan fits', () => {
  it('every built-in scenario can be played from quarter 1', () => {
    for (const id of ['tutorial', 'ad-agency', 'hotel', 'hotel-district', 'retail-bank']) {
      const s = load(readFileSync(`scenarios/${id}.json`, 'utf8'));
      expect(playableIssues(s, newGame(s, '1'), `${id}.json`, 'en'), id).toEqual([]);
    }
  });

  it('a budget below what the locked levers spend is an error at firm.budget.base, with the least budget that plays', () => {
    // The tutorial locks training and acquisition at first: their starting spend (60,000 in all) goes out in quarter 1 whatever the plan.
    const text = setJsonText(tutorial, ['firm', 'budget', 'base'], 20_000)!;
    const s = load(text);
    const [issue, ...rest] = playableIssues(s, newGame(s, '1'), 'draft.json', 'en', text);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ path: 'firm.budget.base' });
    expect(issue!.line).toBe(text.slice(0, text.indexOf('"base": 20000')).split('\n').length);
    expect(issue!.message).toMatch(/at least 60,000: .*locked/);
    // The workbench says so too, and shows no preview of a game that cannot start.
    const read = readDraft(text, 'draft.json', 'zh-CN', '1');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0]!.message).toMatch(/锁定/);
  });

  it('a tight budget the locked levers still fit: every strategy of the lab makes plans the engine takes', () => {
    // 123,456 leaves little beside the locked 30,000 of training: a lever swept to 8 times its level must be scaled down to fit.
    const s = load(setJsonText(tutorial, ['firm', 'budget', 'base'], 123_456)!);
    expect(playableIssues(s, newGame(s, '1'), 'draft.json', 'en')).toEqual([]);
    for (const job of labJobs(s, 1)) expect(() => runLabJob(s, job), JSON.stringify(job)).not.toThrow();
  });
});
