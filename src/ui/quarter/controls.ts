/**
 * The quarter screen's input for a decision field, derived from the catalogue: its range (and
 * this quarter's limit, which the worker sends), its step, whether it is whole, and the scale
 * it is typed in (percentages for shares). Pure: the tests compare it with the engine's checks.
 */
import { DECISION_FIELDS, type DecisionField, type DecisionSection, type NumberField } from '../../sim/decisions/catalogue';

export { fieldPath, fieldValue } from '../../sim/decisions/catalogue';

/** What a number input needs. Values are in the scale the learner types (`scale` × the plan's value). */
export interface Control {
  min: number;
  max: number;
  step: number;
  /** 100 for a share typed as a percentage, 1 otherwise. */
  scale: number;
  integer: boolean;
}

/** A step that moves money by about 1% of `scale`, rounded to a 1-2-5 step. */
export function niceStep(scale: number): number {
  if (!(scale > 0)) return 1;
  const raw = scale / 100;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 2 ? 1 : m < 5 ? 2 : 5) * p;
}

/** What the control of a field depends on: this quarter's limits and the scale of the money. */
export interface ControlContext {
  /** `QuarterView.limits`: the most a bounded field may hold this quarter. */
  limits: Readonly<Record<string, number>>;
  /** The scenario's base budget (money steps are about 0.1% of it). */
  budgetBase: number;
}

/** The input of number field `f`, whose value is now `value`. */
export function controlOf(f: NumberField, ctx: ControlContext, value = 0): Control {
  const scale = f.percent ? 100 : 1;
  const max = Math.min(f.max, ctx.limits[f.id] ?? f.max);
  return { min: f.min * scale, max: max * scale, step: stepOf(f, ctx, value), scale, integer: f.integer };
}

function stepOf(f: NumberField, ctx: ControlContext, value: number): number {
  if (f.integer) return 1;
  switch (f.unit) {
    // A budget line moves by about 0.1% of the budget; an amount per failure by about 1% of itself.
    case 'money': return f.budget ? niceStep(ctx.budgetBase / 10) : niceStep(value || 1000);
    case 'moneyPerCustomer': return niceStep(value || 100);
    case 'revenue': return niceStep(value || 1000);
    case 'hours': return 0.5;
    case 'index': return 0.01;
    // A tier's share of customers in half percents; a policy's share (empowerment) in fives.
    case 'share': return f.scope === 'tier' ? 0.5 : 5;
    case 'weight': return 1;
    case 'score': return 0.05;
    case 'count': return 1;
    default: {
      const never: never = f.unit;
      return never;
    }
  }
}

/** Whether the control takes `typed` (in its own scale): within its range and whole where it must be. */
export function controlAccepts(c: Control, typed: number): boolean {
  return Number.isFinite(typed) && typed >= c.min && typed <= c.max && (!c.integer || Number.isInteger(typed));
}

/** The field a problem's path names (`tiers.1.serviceHours` → serviceHours of tier 1), or null for a path that is no field. */
export function fieldAt(path: string): { field: DecisionField; index: number } | null {
  const parts = path.split('.');
  for (const field of DECISION_FIELDS) {
    if (field.path.length !== parts.length) continue;
    let index = 0;
    if (field.path.every((seg, j) => (seg === '*' ? /^\d+$/.test(parts[j]!) && ((index = Number(parts[j])), true) : seg === parts[j]))) return { field, index };
  }
  return null;
}

/** The fields of a section of the quarter screen, in the catalogue's order. */
export function sectionFields(section: DecisionSection): DecisionField[] {
  return DECISION_FIELDS.filter((f) => f.section === section);
}

/** The number fields of a section. */
export function sectionNumbers(section: DecisionSection): NumberField[] {
  return sectionFields(section).filter((f): f is NumberField => f.kind === 'number');
}

/** The key of a field inside its object (`serviceHours` of `tiers.*.serviceHours`). */
export const fieldKey = (f: DecisionField): string => f.path[f.path.length - 1] === '*' ? f.path[f.path.length - 2]! : f.path[f.path.length - 1]!;

