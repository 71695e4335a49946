/**
 * The decision catalogue: every field of one quarter's {@link Decisions}, once. An entry holds
 * everything about its field: where it sits in a plan, its unit, range, default, whether it is
 * one per tier, the lever that locks it, its attribution group, its section and label on the
 * quarter screen, its phrase in the debrief and its CSV column.
 *
 * Derived from it: the zod decisions schema and the JSON Schema (`src/scenario/decisionsSchema.ts`),
 * the engine's checks (`check.ts`), the policies' clamping (`plans.ts`), the lever rows of the
 * quarter screen (`src/ui/quarter`), the attribution groups (`../attribution.ts`), the debrief's
 * sentences and the CSV columns (`src/ui/debrief`). Adding a lever is one entry here, plus its
 * effect in the model (and its labels in the message files).
 */
import type { Lever } from '../config';

/** Most tiers a scenario may define (and a learner may use). */
export const MAX_TIERS = 5;
/** The largest amount of money a decision may name (a sanity bound, not an economic one). */
export const MONEY_MAX = 1e12;
/** Ids of tiers, segments, events, options...: lower-case letters, digits and dashes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** The longest id. */
export const ID_MAX_LENGTH = 64;
/** Tolerance of the tier shares' sum. */
export const SHARE_SUM_TOLERANCE = 1e-6;

/**
 * A group of decisions the attribution reverts together ("why did it change?"). Per-tier
 * service is one group per tier (`service:<t>`); the others hold a field in every tier.
 */
export type DecisionGroup =
  | 'tiering' | 'service' | 'relationship' | 'price' | 'acquisition' | 'winBack' | 'staffing'
  | 'wages' | 'training' | 'systems' | 'brand' | 'research' | 'recovery' | 'choices';

/** The groups in display order (the debrief and the waterfall list them so). */
export const DECISION_GROUPS: readonly DecisionGroup[] = [
  'tiering', 'service', 'relationship', 'price', 'acquisition', 'winBack', 'staffing', 'wages', 'training',
  'systems', 'brand', 'research', 'recovery', 'choices',
];

/** Where a field sits on the quarter screen. */
export type DecisionSection = 'tiering' | 'tierLevers' | 'people' | 'systems' | 'research' | 'brandRecovery';

/** One value per plan, one per tier in use, or one per boundary between tiers in use. */
export type DecisionScope = 'firm' | 'tier' | 'boundary';

/** What a number measures (for units on screen and formats in sentences). */
export type DecisionUnit =
  /** Money, a total for the quarter (or for the tier, per tier). */
  | 'money'
  /** Money per customer of the tier this quarter. */
  | 'moneyPerCustomer'
  /** Staff hours per customer this quarter. */
  | 'hours'
  /** An index against a reference (1 = list price, 1 = market wage). */
  | 'index'
  /** A share 0..1 (shown as a percentage). */
  | 'share'
  /** A relative weight. */
  | 'weight'
  /** A tiering score (relative to the firm's mean). */
  | 'score'
  /** Trailing annual revenue of one customer (money). */
  | 'revenue'
  /** A number of people, tiers or responses. */
  | 'count';

/** A dynamic upper limit that depends on the state of the game, not only on the field. */
export type DecisionBound =
  /** The scenario's tiers. */
  | 'scenarioTiers'
  /** The labour market: at most max(50, twice the headcount) hires a quarter. */
  | 'hiring'
  /** The staff there is: at most the headcount laid off. */
  | 'headcount';

interface FieldBase {
  /** Unique, the dotted path with `*` for the tier or boundary index, e.g. `tiers.*.serviceHours`. */
  id: string;
  /** The path in a plan; `*` stands for the tier (or boundary) index. */
  path: readonly string[];
  scope: DecisionScope;
  /** The lever that locks it (tutorial unlocks). */
  lever: Lever;
  group: DecisionGroup;
  section: DecisionSection;
  /** Message key of its label on the quarter screen and in the CSV header (namespace `common`). */
  label: string;
  /** For a per-tier field shown outside the tier table: its label naming the tier (`{{tier}}`). */
  tierLabel?: string;
  /** Message key of the field in the debrief's sentences (namespace `lessons`), and its values. */
  phrase: { key: string; dim?: string };
  /** What it is, for the JSON Schema (editors show it) and the authoring guide. */
  doc: string;
  /** The CSV column's name when it is not the label (namespace `exports`); per-tier fields add the tier's name. */
  csv?: string;
  /**
   * A one-off: it acts in the quarter it is made and does not stand (hires, layoffs). The next
   * quarter's status quo, the draft and the attribution's baseline, has its default instead.
   */
  oneOff?: true;
}

/** A number field. */
export interface NumberField extends FieldBase {
  kind: 'number';
  unit: DecisionUnit;
  min: number;
  max: number;
  integer: boolean;
  /** The value of a blank plan (a new tier, a reference strategy's starting point). */
  default: number;
  /** A limit from the game's state on top of `max`. */
  bound?: DecisionBound;
  /** May be absent from a plan (the one-vote rule is off when it is). */
  optional?: boolean;
  /** Shown and typed as a percentage (the plan holds 0..1). */
  percent?: boolean;
  /** Only in plans whose cut-off mode is this. */
  when?: CutoffMode;
  /** Money the plan spends from the quarter's budget: the value itself, or the value per customer of the tier. */
  budget?: 'total' | 'perCustomer';
}

/** A yes/no field. */
export interface BooleanField extends FieldBase {
  kind: 'boolean';
  default: boolean;
  /** May be absent from a plan, meaning its default (the competitor benchmark, newer than the plan format). */
  optional?: boolean;
}

/** How the tiering score is cut into tiers. */
export type CutoffMode = 'share' | 'score';
export const CUTOFF_MODES: readonly CutoffMode[] = ['share', 'score'];

/** The cut-off mode: the one field that is a choice between named values. */
export interface ModeField extends FieldBase {
  kind: 'mode';
  values: readonly CutoffMode[];
  default: CutoffMode;
  /** Message key of each value's name (namespace `common`). */
  valueLabels: Readonly<Record<CutoffMode, string>>;
}

export type DecisionField = NumberField | BooleanField | ModeField;

const money = (doc: string) => ({ kind: 'number', unit: 'money', min: 0, max: MONEY_MAX, integer: false, default: 0, doc }) as const;

const TIERING = { scope: 'firm', lever: 'tiering', group: 'tiering', section: 'tiering' } as const;
const DIMS = [
  ['revenue', 'trailing revenue'], ['margin', 'margin'], ['influence', 'estimated influence'], ['potential', 'estimated potential'], ['tenure', 'tenure'],
] as const;
/** The CRM modules (C3, C13), as decisions (investment) and as the firm's stocks. */
export const CRM_MODULES = [
  ['salesAutomation', 'Sales-force automation (SFA) module'],
  ['marketingAutomation', 'Marketing-automation module'],
  ['serviceDesk', 'Customer-service desk module'],
  ['dataPlatform', 'Data platform (data quality and integration)'],
] as const;

/** Every decision field, in the order the quarter screen and the CSV show them. */
export const DECISION_FIELDS: readonly DecisionField[] = [
  {
    id: 'tiering.tierCount', path: ['tiering', 'tierCount'], ...TIERING, kind: 'number', unit: 'count', min: 1, max: MAX_TIERS, integer: true, default: 1,
    bound: 'scenarioTiers', label: 'quarter.tierCount', phrase: { key: 'field.tierCount' },
    doc: 'How many tiers the learner uses, 1..the scenario\'s tiers; 1 means undifferentiated treatment.',
  },
  ...DIMS.map(([dim, what]): NumberField => ({
    id: `tiering.weights.${dim}`, path: ['tiering', 'weights', dim], ...TIERING, kind: 'number', unit: 'weight', min: 0, max: 100, integer: false,
    default: dim === 'revenue' ? 1 : 0, label: `quarter.dim.${dim}`, phrase: { key: 'field.weight', dim: `dim.${dim}` },
    doc: `Weight of ${what} in the tiering score (relative to the other weights), 0..100.`,
  })),
  {
    id: 'tiering.cutoffs.mode', path: ['tiering', 'cutoffs', 'mode'], ...TIERING, kind: 'mode', values: CUTOFF_MODES, default: 'share',
    valueLabels: { share: 'quarter.cutShare', score: 'quarter.cutScore' },
    label: 'quarter.cutMode', phrase: { key: 'field.cutoffs' }, doc: 'Cut the ranked customers by shares ("share") or by score thresholds ("score").',
  },
  {
    id: 'tiering.cutoffs.shares.*', path: ['tiering', 'cutoffs', 'shares', '*'], ...TIERING, scope: 'tier', kind: 'number', unit: 'share', min: 0, max: 1,
    integer: false, default: 1, percent: true, when: 'share', label: 'quarter.share', tierLabel: 'quarter.shareOf', phrase: { key: 'field.cutoffs' },
    doc: 'Share of customers in this tier, 0..1, top tier first; the shares sum to 1.',
  },
  {
    id: 'tiering.cutoffs.thresholds.*', path: ['tiering', 'cutoffs', 'thresholds', '*'], ...TIERING, scope: 'boundary', kind: 'number', unit: 'score', min: 0,
    max: 1e6, integer: false, default: 1, when: 'score', label: 'quarter.thresholdShort', phrase: { key: 'field.cutoffs' },
    doc: 'Lowest score (relative to the firm\'s mean, 0..1,000,000) of the tier above this boundary; from the top boundary down, each at most the one before.',
  },
  {
    id: 'tiering.topIfRevenueAbove', path: ['tiering', 'topIfRevenueAbove'], ...TIERING, kind: 'number', unit: 'revenue', min: 0, max: 1e15, integer: false,
    default: 0, optional: true, label: 'quarter.oneVoteAbove', csv: 'col.oneVote', phrase: { key: 'field.topIfRevenueAbove' },
    doc: 'The one-vote rule: a customer whose trailing annual revenue reaches this always lands in the top tier (money, 0..1e15; absent: no such rule).',
  },
  {
    id: 'tiers.*.serviceHours', path: ['tiers', '*', 'serviceHours'], scope: 'tier', lever: 'service', group: 'service', section: 'tierLevers',
    kind: 'number', unit: 'hours', min: 0, max: 10_000, integer: false, default: 0, label: 'quarter.field.serviceHours', phrase: { key: 'field.serviceHours' },
    doc: 'Staff service hours per customer of this tier this quarter, 0..10,000 (the staff\'s time limits the total).',
  },
  {
    id: 'tiers.*.relationshipSpend', path: ['tiers', '*', 'relationshipSpend'], scope: 'tier', lever: 'relationship', group: 'relationship', section: 'tierLevers',
    ...money('Relationship programme / account management spend per customer of this tier this quarter (money, 0..1e12).'), unit: 'moneyPerCustomer', budget: 'perCustomer',
    label: 'quarter.field.relationshipSpend', phrase: { key: 'field.relationshipSpend' },
  },
  {
    id: 'tiers.*.priceIndex', path: ['tiers', '*', 'priceIndex'], scope: 'tier', lever: 'price', group: 'price', section: 'tierLevers',
    kind: 'number', unit: 'index', min: 0.5, max: 1.5, integer: false, default: 1, label: 'quarter.field.priceIndex', phrase: { key: 'field.priceIndex' },
    doc: 'Price index of this tier, 1 = list price; below 1 is a discount. 0.5..1.5.',
  },
  {
    id: 'tiers.*.retentionBudget', path: ['tiers', '*', 'retentionBudget'], scope: 'tier', lever: 'retention', group: 'relationship', section: 'tierLevers',
    ...money('Retention offers for this tier\'s at-risk customers this quarter (money, 0..1e12).'), budget: 'total', label: 'quarter.field.retentionBudget', phrase: { key: 'field.retentionBudget' },
  },
  {
    id: 'tiers.*.acquisitionSpend', path: ['tiers', '*', 'acquisitionSpend'], scope: 'tier', lever: 'acquisition', group: 'acquisition', section: 'tierLevers',
    ...money('Spend to acquire prospects like this tier this quarter (money, 0..1e12).'), budget: 'total', label: 'quarter.field.acquisitionSpend', phrase: { key: 'field.acquisitionSpend' },
  },
  {
    id: 'tiers.*.winBackSpend', path: ['tiers', '*', 'winBackSpend'], scope: 'tier', lever: 'winBack', group: 'winBack', section: 'tierLevers',
    ...money('Spend to win back lapsed customers last in this tier this quarter (money, 0..1e12).'), budget: 'total', label: 'quarter.field.winBackSpend', phrase: { key: 'field.winBackSpend' },
  },
  {
    id: 'people.hires', path: ['people', 'hires'], scope: 'firm', lever: 'people', group: 'staffing', section: 'people', kind: 'number', unit: 'count',
    min: 0, max: 100_000, integer: true, default: 0, bound: 'hiring', label: 'quarter.field.hires', phrase: { key: 'field.hires' }, oneOff: true,
    doc: 'Employees hired this quarter, a whole number; the labour market gives at most max(50, twice the headcount).',
  },
  {
    id: 'people.layoffs', path: ['people', 'layoffs'], scope: 'firm', lever: 'people', group: 'staffing', section: 'people', kind: 'number', unit: 'count',
    min: 0, max: 100_000, integer: true, default: 0, bound: 'headcount', label: 'quarter.field.layoffs', phrase: { key: 'field.layoffs' }, oneOff: true,
    doc: 'Employees laid off this quarter, a whole number, at most the headcount.',
  },
  {
    id: 'people.wageIndex', path: ['people', 'wageIndex'], scope: 'firm', lever: 'wages', group: 'wages', section: 'people', kind: 'number', unit: 'index',
    min: 0.5, max: 2, integer: false, default: 1, label: 'quarter.field.wageIndex', phrase: { key: 'field.wageIndex' },
    doc: 'Wage relative to the market, 1 = market wage; 0.5..2.',
  },
  {
    id: 'people.trainingSpend', path: ['people', 'trainingSpend'], scope: 'firm', lever: 'training', group: 'training', section: 'people',
    ...money('Training spend this quarter (money, 0..1e12).'), budget: 'total', label: 'quarter.field.trainingSpend', phrase: { key: 'field.trainingSpend' },
  },
  ...CRM_MODULES.map(([m, what]): NumberField => ({
    id: `systems.${m}`, path: ['systems', m], scope: 'firm', lever: 'systems', group: 'systems', section: 'systems',
    ...money(`${what}: investment this quarter (money, 0..1e12).`), budget: 'total', label: `quarter.module.${m}`, phrase: { key: `field.${m}` },
  })),
  {
    id: 'research.surveySample.*', path: ['research', 'surveySample', '*'], scope: 'tier', lever: 'research', group: 'research', section: 'research',
    kind: 'number', unit: 'count', min: 0, max: 100_000, integer: true, default: 0, label: 'quarter.field.surveySample', tierLabel: 'quarter.sampleOf', phrase: { key: 'field.surveySample' },
    doc: 'Satisfaction-survey responses asked of this tier this quarter, a whole number 0..100,000.',
  },
  {
    id: 'research.employeeSurvey', path: ['research', 'employeeSurvey'], scope: 'firm', lever: 'research', group: 'research', section: 'research',
    kind: 'boolean', default: false, label: 'quarter.employeeSurvey', phrase: { key: 'field.employeeSurvey' }, doc: 'Run the employee-satisfaction survey.',
  },
  {
    id: 'research.nps', path: ['research', 'nps'], scope: 'firm', lever: 'research', group: 'research', section: 'research',
    kind: 'boolean', default: false, label: 'quarter.nps', phrase: { key: 'field.nps' }, doc: 'Ask the Net Promoter question of the same sample.',
  },
  {
    id: 'research.benchmark', path: ['research', 'benchmark'], scope: 'firm', lever: 'research', group: 'research', section: 'research',
    kind: 'boolean', default: false, optional: true, label: 'quarter.benchmark', phrase: { key: 'field.benchmark' },
    doc: 'Buy the competitor benchmark this quarter (a market of several firms only): each rival\'s prices and service level as observed, and a survey of its customers\' satisfaction with its margin of error. Absent: not bought.',
  },
  {
    id: 'brandSpend', path: ['brandSpend'], scope: 'firm', lever: 'brand', group: 'brand', section: 'brandRecovery',
    ...money('Brand spend this quarter (money, 0..1e12).'), budget: 'total', label: 'quarter.field.brandSpend', phrase: { key: 'field.brandSpend' },
  },
  {
    id: 'recovery.budgetPerFailure', path: ['recovery', 'budgetPerFailure'], scope: 'firm', lever: 'recovery', group: 'recovery', section: 'brandRecovery',
    ...money('Service-recovery budget per service failure (money, 0..1e12).'), label: 'quarter.field.budgetPerFailure', phrase: { key: 'field.budgetPerFailure' },
  },
  {
    id: 'recovery.empowerment', path: ['recovery', 'empowerment'], scope: 'firm', lever: 'recovery', group: 'recovery', section: 'brandRecovery',
    kind: 'number', unit: 'share', min: 0, max: 1, integer: false, default: 0, percent: true, label: 'quarter.field.empowerment', phrase: { key: 'field.empowerment' },
    doc: 'Employee empowerment to resolve complaints on the spot, 0..1.',
  },
];

/** Descriptions of the plan's objects and lists (the JSON Schema shows them). */
export const DECISION_NODE_DOCS: Readonly<Record<string, string>> = {
  '': 'Everything the learner decides for one quarter.',
  tiering: 'The tiering rule: how customers are scored and cut into tiers.',
  'tiering.weights': 'Weights of the dimensions of the tiering score, each relative to the firm\'s mean.',
  'tiering.cutoffs': 'How the score is cut into tiers (top tier first).',
  'tiering.cutoffs.shares': 'Share of customers per tier, top tier first; one per tier in use, summing to 1.',
  'tiering.cutoffs.thresholds': 'Score thresholds from the top boundary down; one per boundary between tiers in use (tierCount - 1).',
  tiers: 'Levers per tier in use, top tier first (one per tier: tiering.tierCount).',
  'tiers.*': 'Levers of one tier.',
  people: 'Staffing, wages and training.',
  systems: 'Investment per CRM module this quarter.',
  research: 'Market research this quarter.',
  'research.surveySample': 'Satisfaction-survey sample size per tier in use.',
  recovery: 'Service recovery.',
  choices: 'The options chosen on this quarter\'s choice cards.',
};

/** Most answers to choice cards in one plan. */
export const MAX_CHOICES = 50;

/** The concrete path of field `f` for tier (or boundary) `i`, as the engine names problems: `tiers.1.serviceHours`. */
export function fieldPath(f: DecisionField, i = 0): string {
  return f.path.map((s) => (s === '*' ? String(i) : s)).join('.');
}

/** The value of field `f` (of tier or boundary `i`) in plan `d`, or undefined where the plan has none. */
export function fieldValue(d: unknown, f: DecisionField, i = 0): unknown {
  let o = d;
  for (const seg of f.path) {
    if (o === null || typeof o !== 'object') return undefined;
    o = (o as Record<string, unknown>)[seg === '*' ? i : seg];
  }
  return o;
}

/** The field with this id. */
export function decisionField(id: string): DecisionField | undefined {
  return DECISION_FIELDS.find((f) => f.id === id);
}

/** The number fields, in catalogue order. */
export const NUMBER_FIELDS: readonly NumberField[] = DECISION_FIELDS.filter((f): f is NumberField => f.kind === 'number');

/** The fields a lever locks. */
export function fieldsOfLever(lever: Lever): DecisionField[] {
  return DECISION_FIELDS.filter((f) => f.lever === lever);
}

/** The fields of a section of the quarter screen, in order. */
export function fieldsOfSection(section: DecisionSection): DecisionField[] {
  return DECISION_FIELDS.filter((f) => f.section === section);
}

/** The fields of an attribution group. */
export function fieldsOfGroup(group: DecisionGroup): DecisionField[] {
  return DECISION_FIELDS.filter((f) => f.group === group);
}
