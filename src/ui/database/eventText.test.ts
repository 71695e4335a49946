import { describe, expect, it } from 'vitest';
import { EV_ACQUIRED, EV_COMPLAINED, EV_CONTACT_LEFT, EV_DOWNTIER, EV_FAILURE, EV_LAPSED, EV_RECOVERED, EV_REFERRED, EV_UPTIER, EV_WONBACK, OUTCOME_NAMES } from '../../sim/report';
import type { CustomerRecord } from '../../worker/protocol';
import { eventSentence, eventsByQuarter, parseOutcome, type EventTextContext } from './eventText';
import { tFor } from './testFixtures';

const TIERS = ['Key accounts', 'Major accounts', 'Regular accounts'];
const en: EventTextContext = { t: tFor('en'), tierName: (k) => TIERS[k] ?? `Tier ${k + 1}` };
const zh: EventTextContext = { t: tFor('zh-CN'), tierName: (k) => ['关键客户', '主要客户', '普通客户'][k] ?? '' };
const outcome = (name: (typeof OUTCOME_NAMES)[number]) => OUTCOME_NAMES.indexOf(name);

function record(events: CustomerRecord['events'], tiers: number[] = [1, 1, 0, 0]): CustomerRecord {
  return { id: 7, tiers, revenue: tiers.map(() => 100), events, referred: [], before: [] };
}

describe('eventSentence', () => {
  it('reads a failure resolved quickly with a large loss', () => {
    expect(eventSentence({ round: 2, kind: EV_FAILURE, other: outcome('quickLarge') }, 0, en)).toBe('service failure, resolved quickly (large loss)');
  });

  it('names every failure outcome and its loss', () => {
    const read = (name: (typeof OUTCOME_NAMES)[number]) => eventSentence({ round: 1, kind: EV_FAILURE, other: outcome(name) }, 0, en);
    expect(read('silentSmall')).toBe('service failure, no complaint (small loss)');
    expect(read('unresolvedLarge')).toBe('service failure, complained, not resolved (large loss)');
    expect(read('resolvedSmall')).toBe('service failure, resolved slowly (small loss)');
    expect(read('quickSmall')).toBe('service failure, resolved quickly (small loss)');
  });

  it('says who referred the customer, by id', () => {
    expect(eventSentence({ round: 1, kind: EV_REFERRED, other: 42 }, 1, en)).toBe('joined by word of mouth, referred by #42');
    expect(eventSentence({ round: 1, kind: EV_REFERRED, other: 42 }, 1, zh)).toBe('经 #42 口碑推荐加入');
  });

  it('names both tiers of a move, by the scenario’s names', () => {
    expect(eventSentence({ round: 3, kind: EV_UPTIER, other: 1 }, 0, en)).toBe('moved up from Major accounts to Key accounts');
    expect(eventSentence({ round: 3, kind: EV_DOWNTIER, other: 0 }, 2, en)).toBe('moved down from Key accounts to Regular accounts');
    expect(eventSentence({ round: 3, kind: EV_DOWNTIER, other: 0 }, 2, zh)).toBe('从关键客户降至普通客户');
  });

  it('words the other kinds', () => {
    expect(eventSentence({ round: 1, kind: EV_ACQUIRED, other: 2 }, 2, en)).toBe('acquired by the firm into Regular accounts');
    expect(eventSentence({ round: 1, kind: EV_LAPSED, other: 1 }, 1, en)).toBe('lapsed (left the firm) from Major accounts');
    expect(eventSentence({ round: 1, kind: EV_WONBACK, other: 1 }, 1, zh)).toBe('被赢回，回到主要客户');
    expect(eventSentence({ round: 1, kind: EV_CONTACT_LEFT, other: 1 }, 1, en)).toBe('the employee who served them left the firm');
    expect(eventSentence({ round: 1, kind: EV_COMPLAINED, other: 1 }, 1, zh)).toBe('提出投诉');
  });
});

describe('parseOutcome', () => {
  it('splits every outcome name into kind and loss; none is no outcome', () => {
    expect(parseOutcome(0)).toBeNull();
    expect(parseOutcome(99)).toBeNull();
    expect(parseOutcome(outcome('unresolvedSmall'))).toEqual({ kind: 'unresolved', large: false });
    expect(parseOutcome(outcome('silentLarge'))).toEqual({ kind: 'silent', large: true });
  });
});

describe('eventsByQuarter', () => {
  it('groups by quarter, oldest first', () => {
    const q = eventsByQuarter(record([
      { round: 3, kind: EV_UPTIER, other: 1 },
      { round: 1, kind: EV_ACQUIRED, other: 1 },
    ]), en);
    expect(q.map((x) => x.round)).toEqual([1, 3]);
    expect(q[1]!.sentences).toEqual(['moved up from Major accounts to Key accounts']);
  });

  it('folds the complaint and the recovery into a failure whose outcome already says so', () => {
    // The engine logs the complaint and the recovery before the failure with its outcome.
    const q = eventsByQuarter(record([
      { round: 2, kind: EV_COMPLAINED, other: 1 },
      { round: 2, kind: EV_RECOVERED, other: 1 },
      { round: 2, kind: EV_FAILURE, other: outcome('resolvedLarge') },
    ]), en);
    expect(q).toEqual([{ round: 2, sentences: ['service failure, resolved slowly (large loss)'] }]);
  });

  it('keeps a complaint the outcome does not mention, and reads events in a natural order', () => {
    const q = eventsByQuarter(record([
      { round: 2, kind: EV_LAPSED, other: 1 },
      { round: 2, kind: EV_COMPLAINED, other: 1 },
      { round: 2, kind: EV_CONTACT_LEFT, other: 1 },
    ]), en);
    expect(q[0]!.sentences).toEqual(['the employee who served them left the firm', 'complained', 'lapsed (left the firm) from Major accounts']);
  });
});
