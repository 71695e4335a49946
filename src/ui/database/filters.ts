/**
 * The filter bar's state and the worker filter it stands for. Lapsed customers keep their
 * last tier in the data (for win-back), so a tier choice means the tier's active customers,
 * and "lapsed" in the tier list means status lapsed.
 */
import type { CustomerFilter } from '../../worker/protocol';

export type TierChoice = 'all' | 'lapsed' | number;

export interface FilterState {
  tier: TierChoice;
  status: 'all' | 0 | 1;
  stage: 'all' | number;
  source: 'all' | number;
  hadFailure: boolean;
  hadComplaint: boolean;
  /** Digits the id starts with ('' = any). */
  idPrefix: string;
}

export const NO_FILTER: FilterState = {
  tier: 'all',
  status: 'all',
  stage: 'all',
  source: 'all',
  hadFailure: false,
  hadComplaint: false,
  idPrefix: '',
};

/** The digits of `text` (what the id box keeps of what is typed or pasted). */
export function digitsOnly(text: string): string {
  return text.replace(/[^0-9]/g, '');
}

/** Whether any filter is set. */
export function isFiltering(f: FilterState): boolean {
  return (
    f.tier !== 'all' || f.status !== 'all' || f.stage !== 'all' || f.source !== 'all' || f.hadFailure || f.hadComplaint || f.idPrefix !== ''
  );
}

/** The worker's filter for `f`, or null when the choices contradict each other (no customer can match). */
export function workerFilter(f: FilterState): CustomerFilter | null {
  const out: CustomerFilter = {};
  if (f.status !== 'all') out.status = f.status;
  if (f.tier === 'lapsed') {
    if (out.status === 0) return null;
    out.status = 1;
  } else if (f.tier !== 'all') {
    if (out.status === 1) return null;
    out.tier = f.tier;
    out.status = 0;
  }
  if (f.stage !== 'all') out.stage = f.stage;
  if (f.source !== 'all') out.source = f.source;
  if (f.hadFailure) out.hadFailure = true;
  if (f.hadComplaint) out.hadComplaint = true;
  const id = digitsOnly(f.idPrefix);
  if (id) out.idPrefix = id;
  return out;
}

/** A select's value for a choice ('all' or a number). */
export function choiceValue(v: 'all' | 'lapsed' | number): string {
  return String(v);
}

/** The choice a select's value stands for. */
export function parseChoice(value: string): 'all' | 'lapsed' | number {
  if (value === 'all' || value === 'lapsed') return value;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : 'all';
}

/** A numeric choice ('lapsed' is not one): for the status, stage and source selects. */
export function parseNumberChoice(value: string): 'all' | number {
  const c = parseChoice(value);
  return c === 'lapsed' ? 'all' : c;
}
