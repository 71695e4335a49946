/**
 * Finding the model's hidden truth in what the worker sends the page (Node tests of the
 * session, and the browser test's recording of every worker message). Two independent scans:
 *
 * - by name: a field that holds a true value (satisfaction, loyalty, share of wallet, the
 *   delivered-value breakdown, a true NPS outside a survey result, employee satisfaction, the
 *   chain's satisfaction and loyalty links, an attribution with a true KPI, a non-null `truth`,
 *   a `revealed` answer), wherever it sits;
 * - by value: any number equal to one of the game's true values (they are means of doubles:
 *   an exact match is a leak, whatever the field is called).
 *
 * The scenario itself (the file the learner loaded: its segments' starting satisfaction and
 * the firm's starting employee satisfaction are public) and the learner's decisions (whose
 * `research.nps` is a yes/no) are not scanned.
 */
/** The true KPIs of a round, as the engine's report and the worker's truth both have them. */
interface TrueKpis {
  satisfaction: number;
  loyalty: number;
  shareOfWallet: number;
  value: { delivered: number; expectation: number; service: number; personnel: number };
}

/** Keys of subtrees that are the learner's own input, not the model's output. */
const SKIP = new Set(['scenario', 'decisions', 'lastDecisions']);
/** Keys that only ever hold a true value. */
const TRUE_KEYS = new Set(['satisfaction', 'loyalty', 'shareOfWallet', 'expectation', 'employeeSatisfaction', 'customerSatisfaction', 'customerLoyalty']);
const TRUE_KPIS = new Set(['satisfaction', 'loyalty', 'employeeSatisfaction']);

/** A typed array as the browser recording stands for it (the numbers are not copied). */
export interface TypedMarker {
  __typed: string;
  length: number;
}
const isTyped = (x: unknown): x is TypedMarker => typeof x === 'object' && x !== null && '__typed' in x;

/** Paths (a.b[2].c) where a truth shows by name. */
export function truthByName(value: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown, path: string, inSurvey: boolean): void => {
    if (x === null || typeof x !== 'object') return;
    if (ArrayBuffer.isView(x) || isTyped(x)) return;
    if (Array.isArray(x)) {
      x.forEach((v, i) => walk(v, `${path}[${i}]`, inSurvey));
      return;
    }
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
      const p = path ? `${path}.${k}` : k;
      if (SKIP.has(k)) continue;
      if (TRUE_KEYS.has(k) && v !== undefined) out.push(p);
      else if (k === 'nps' && typeof v === 'number' && !inSurvey) out.push(p);
      else if (k === 'value' && typeof v === 'object' && v !== null && ('delivered' in v || 'expectation' in v)) out.push(p);
      else if (k === 'truth' && v !== null && v !== undefined) out.push(p);
      else if (k === 'revealed' && v === true) out.push(p);
      else if (k === 'kpis' && Array.isArray(v) && v.some((x) => typeof x === 'string' && TRUE_KPIS.has(x))) out.push(p);
      walk(v, p, inSurvey || k === 'survey' || k === 'surveyFirm');
    }
  };
  walk(value, '', false);
  return out;
}

/** Every true value of `reports` that a leak by value would show: means of satisfaction, loyalty, share of wallet, delivered value, employee satisfaction. */
export function trueValues(reports: readonly { firm: TrueKpis; tiers: TrueKpis[]; employees: { satisfaction: number } }[]): Set<number> {
  const out = new Set<number>();
  for (const r of reports) {
    for (const k of [r.firm, ...r.tiers]) {
      for (const v of [k.satisfaction, k.loyalty, k.shareOfWallet, k.value.delivered, k.value.expectation, k.value.service, k.value.personnel]) {
        // Whole numbers and 0/1 can be anything; the true means are not.
        if (Number.isFinite(v) && !Number.isInteger(v)) out.add(v);
      }
    }
    if (!Number.isInteger(r.employees.satisfaction)) out.add(r.employees.satisfaction);
  }
  return out;
}

/** Paths where a number equals one of `truths`. */
export function truthByValue(value: unknown, truths: ReadonlySet<number>): string[] {
  const out: string[] = [];
  const walk = (x: unknown, path: string): void => {
    if (typeof x === 'number') {
      if (truths.has(x)) out.push(path);
      return;
    }
    if (x === null || typeof x !== 'object' || isTyped(x)) return;
    if (ArrayBuffer.isView(x)) return;
    if (Array.isArray(x)) {
      x.forEach((v, i) => walk(v, `${path}[${i}]`));
      return;
    }
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) if (!SKIP.has(k)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(value, '');
  return out;
}
