/**
 * A customer's events in words, grouped by quarter, for the record panel. Within a quarter
 * they read in a natural order (how it came, what went wrong, where it ended up); a service
 * failure's outcome already says whether the customer complained and whether it was
 * resolved, so the separate complaint and recovery events of that quarter are folded into it.
 */
import type { TFunction } from 'i18next';
import {
  EV_ACQUIRED,
  EV_COMPLAINED,
  EV_CONTACT_LEFT,
  EV_DOWNTIER,
  EV_FAILURE,
  EV_LAPSED,
  EV_RECOVERED,
  EV_REFERRED,
  EV_UPTIER,
  EV_WONBACK,
  EVENT_KIND_NAMES,
  OUTCOME_NAMES,
} from '../../sim/report';
import type { CustomerRecord } from '../../worker/protocol';

export type RecordEvent = CustomerRecord['events'][number];

export interface EventTextContext {
  t: TFunction<'database'>;
  /** The name of a tier position. */
  tierName: (tier: number) => string;
}

type OutcomeKind = 'silent' | 'unresolved' | 'resolved' | 'quick';

/** A failure outcome (OUTCOME_NAMES index) as its kind and loss, or null for none/unknown. */
export function parseOutcome(outcome: number): { kind: OutcomeKind; large: boolean } | null {
  const name = OUTCOME_NAMES[outcome];
  if (!name || name === 'none') return null;
  const large = name.endsWith('Large');
  const kind = name.slice(0, name.length - 5) as OutcomeKind;
  return { kind, large };
}

/** The event in words. `tierAfter` is the customer's tier at the end of the event's quarter (for tier moves). */
export function eventSentence(ev: RecordEvent, tierAfter: number, ctx: EventTextContext): string {
  const { t, tierName } = ctx;
  switch (ev.kind) {
    case EV_ACQUIRED:
      return t('events.acquired', { tier: tierName(ev.other) });
    case EV_REFERRED:
      return t('events.referred', { id: ev.other });
    case EV_UPTIER:
      return t('events.upTier', { from: tierName(ev.other), to: tierName(tierAfter) });
    case EV_DOWNTIER:
      return t('events.downTier', { from: tierName(ev.other), to: tierName(tierAfter) });
    case EV_FAILURE: {
      const o = parseOutcome(ev.other);
      if (!o) return t('events.failure', { outcome: t('outcomes.silent'), loss: t('outcomes.small') });
      return t('events.failure', { outcome: t(`outcomes.${o.kind}`), loss: t(o.large ? 'outcomes.large' : 'outcomes.small') });
    }
    case EV_RECOVERED:
      return t('events.recovered');
    case EV_COMPLAINED:
      return t('events.complained');
    case EV_LAPSED:
      return t('events.lapsed', { tier: tierName(ev.other) });
    case EV_WONBACK:
      return t('events.wonBack', { tier: tierName(ev.other) });
    case EV_CONTACT_LEFT:
      return t('events.contactLeft');
    default:
      return EVENT_KIND_NAMES[ev.kind] ?? String(ev.kind);
  }
}

/** Reading order within a quarter, by event kind. */
const RANK: Record<number, number> = {
  [EV_ACQUIRED]: 0,
  [EV_REFERRED]: 0,
  [EV_WONBACK]: 1,
  [EV_CONTACT_LEFT]: 2,
  [EV_FAILURE]: 3,
  [EV_COMPLAINED]: 4,
  [EV_RECOVERED]: 5,
  [EV_UPTIER]: 6,
  [EV_DOWNTIER]: 6,
  [EV_LAPSED]: 7,
};

export interface QuarterEvents {
  round: number;
  sentences: string[];
}

/** The record's events in words, by quarter (oldest first). */
export function eventsByQuarter(rec: CustomerRecord, ctx: EventTextContext): QuarterEvents[] {
  const byRound = new Map<number, RecordEvent[]>();
  for (const ev of rec.events) {
    const list = byRound.get(ev.round);
    if (list) list.push(ev);
    else byRound.set(ev.round, [ev]);
  }
  const out: QuarterEvents[] = [];
  for (const round of [...byRound.keys()].sort((a, b) => a - b)) {
    const list = byRound.get(round)!;
    const failure = list.find((e) => e.kind === EV_FAILURE);
    const outcome = failure ? parseOutcome(failure.other) : null;
    const saysComplained = outcome !== null && outcome.kind !== 'silent';
    const saysResolved = outcome !== null && (outcome.kind === 'resolved' || outcome.kind === 'quick');
    const shown = list
      .filter((e) => !(e.kind === EV_COMPLAINED && saysComplained) && !(e.kind === EV_RECOVERED && saysResolved))
      .map((e, k) => ({ e, k }))
      .sort((a, b) => (RANK[a.e.kind] ?? 9) - (RANK[b.e.kind] ?? 9) || a.k - b.k)
      .map(({ e }) => e);
    const tierAfter = rec.tiers[round - 1] ?? 255;
    out.push({ round, sentences: shown.map((e) => eventSentence(e, tierAfter, ctx)) });
  }
  return out;
}
