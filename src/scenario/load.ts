/**
 * The loader: text → migrated, validated {@link ScenarioConfig}, or every problem found, each
 * with file, path, line, column and a sentence in the reader's language. It never throws.
 */
import { variantProblems, type ScenarioVariant } from './classCode';
import type { ScenarioConfig } from '../sim/config';
import type { SimState } from '../sim/state';
import { lockedSpendProblem } from './playable';
import type { Lang } from '../sim/text';
import { fileText } from './decode';
import { taggedExpectation } from './fields';
import { lineColumns, offsetOf, pathTrie, scanJson } from './jsonText';
import { renderDetail, sentence, type Rendered } from './messages';
import { migrateScenarioJson, type JsonObject } from './migrate';
import { marketFirms, marketSizeProblem } from '../sim/market/setup';
import { foundValue, mismatch, pathText, type PathSegment, type Problem } from './problem';
import { CURRENT_SCHEMA_VERSION, scenarioSchema } from './schema';
import { checkScenarioSemantics } from './semantics';
import { schemaAt, zodProblems } from './zodProblems';

/** The largest text accepted, in characters (10 MiB; scenarios are a few tens of kB). */
export const MAX_TEXT_CHARS = 10 * 1024 * 1024;
/** The deepest nesting of objects and lists accepted (a scenario needs fewer than 10). */
export const MAX_DEPTH = 64;
/** Most issues reported; the rest are summed up in one last issue. */
export const MAX_ISSUES = 100;

/** One problem in a scenario file, ready to show. */
export interface ScenarioIssue {
  /** The file name as given by the caller. */
  readonly file: string;
  /** Dot-separated JSON path, e.g. `tiers.2.serviceHours`; `''` for the whole file. */
  readonly path: string;
  /** 1-based line, or 0 when there is no text to point into. */
  readonly line: number;
  /** 1-based column (UTF-16 code units), or 0 with line 0. */
  readonly column: number;
  /** What the file should have had, in the chosen language. */
  readonly expected: string;
  /** What it had instead, in the chosen language. */
  readonly found: string;
  /** The whole sentence, with file, position and path. */
  readonly message: string;
}

/** The outcome of loading a scenario. */
export type LoadResult =
  /** `variants`: the scenario's class variants (not part of the config the engine plays: a class code's values of them are overrides). */
  | { ok: true; scenario: ScenarioConfig; warnings: ScenarioIssue[]; variants: ScenarioVariant[] }
  | { ok: false; errors: ScenarioIssue[] };

type Checked = { ok: true; scenario: ScenarioConfig; warnings: Problem[]; variants: ScenarioVariant[] } | { ok: false; problems: Problem[] };

const LANGS: readonly Lang[] = ['en', 'zh-CN'];

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Warnings: every learner-facing text without one of the two languages. */
function translationWarnings(root: unknown, data: unknown, path: PathSegment[], out: Problem[]): void {
  const schema = schemaAt(scenarioSchema, path, root);
  if (schema && taggedExpectation(schema)?.kind === 'localText' && isObject(data)) {
    for (const lang of LANGS) {
      if (data[lang] === undefined) out.push({ path, anchor: 'value', detail: { kind: 'missingTranslation', lang } });
    }
    return;
  }
  if (Array.isArray(data)) data.forEach((v, i) => translationWarnings(root, v, [...path, i], out));
  else if (isObject(data)) for (const [k, v] of Object.entries(data)) translationWarnings(root, v, [...path, k], out);
}

/** Migrates, validates and checks a parsed document. */
function check(json: unknown): Checked {
  if (!isObject(json)) {
    return { ok: false, problems: [{ path: [], anchor: 'value', detail: { kind: 'mismatch', expected: { kind: 'object' }, found: foundValue(json) } }] };
  }
  const migrated = migrateScenarioJson(json);
  if (!migrated.ok) return { ok: false, problems: migrated.problems };
  const parsed = scenarioSchema.safeParse(migrated.doc);
  if (!parsed.success) return { ok: false, problems: [...migrated.problems, ...zodProblems(parsed.error.issues, scenarioSchema, migrated.doc)] };
  if (migrated.problems.length > 0) return { ok: false, problems: migrated.problems };
  // `$schema` only serves editors, and the class variants only the class code: the sim's config has neither.
  const scenario: ScenarioConfig = { ...parsed.data };
  delete (scenario as { $schema?: string }).$schema;
  const variants = parsed.data.variants ?? [];
  delete (scenario as { variants?: unknown }).variants;
  const semantic = checkScenarioSemantics(scenario);
  if (semantic.length > 0) return { ok: false, problems: semantic };
  if (variants.length > 0) {
    const { variants: _v, ...rest } = migrated.doc as Record<string, unknown>;
    void _v;
    const wrong = variantProblems(rest, variants, (d) => {
      const r = scenarioSchema.safeParse(d);
      return r.success ? { ok: true, scenario: r.data } : { ok: false, problems: zodProblems(r.error.issues, scenarioSchema, d) };
    });
    if (wrong.length > 0) return { ok: false, problems: wrong };
  }
  const warnings: Problem[] = [];
  if (migrated.from !== CURRENT_SCHEMA_VERSION) {
    warnings.push({ path: ['schemaVersion'], anchor: 'value', detail: { kind: 'migrated', from: migrated.from, to: CURRENT_SCHEMA_VERSION } });
  }
  translationWarnings(scenario, scenario, [], warnings);
  return { ok: true, scenario, warnings, variants };
}

/** Where a problem is, before it is positioned: the part of a {@link Problem} that {@link toIssues} places. */
export type Placed = Pick<Problem, 'path' | 'anchor' | 'offset'>;

/**
 * Problems → issues: at most {@link MAX_ISSUES}, positioned in `text` when given, in document
 * order. `render` gives each shown problem's `expected`, `found` and sentence body in `lang`.
 */
export function toIssues<P extends Placed>(
  problems: readonly P[],
  file: string,
  lang: Lang,
  render: (p: P) => Rendered,
  text?: string,
): ScenarioIssue[] {
  const shown = problems.slice(0, MAX_ISSUES);
  let located = shown.map((p) => ({ p, offset: p.offset ?? -1 }));
  if (text !== undefined) {
    const trie = pathTrie(shown.filter((p) => p.offset === undefined).map((p) => p.path));
    scanJson(text, MAX_DEPTH, trie);
    located = located.map(({ p, offset }) => ({ p, offset: offset >= 0 ? offset : offsetOf(trie, p.path, p.anchor) }));
    located.sort((a, b) => a.offset - b.offset);
  }
  const position = text !== undefined ? lineColumns(text) : null;
  const issues: ScenarioIssue[] = located.map(({ p, offset }) => {
    const { line, column } = position && offset >= 0 ? position(offset) : { line: 0, column: 0 };
    const r = render(p);
    const path = pathText(p.path);
    return { file, path, line, column, expected: r.expected, found: r.found, message: sentence(file, line, column, path, r.body, lang) };
  });
  if (problems.length > MAX_ISSUES) {
    const r = renderDetail({ kind: 'tooMany', more: problems.length - MAX_ISSUES }, lang);
    issues.push({ file, path: '', line: 0, column: 0, expected: r.expected, found: r.found, message: sentence(file, 0, 0, '', r.body, lang) });
  }
  return issues;
}

/** {@link toIssues} for problems that carry a {@link Problem.detail}. */
function problemIssues(problems: readonly Problem[], file: string, lang: Lang, text?: string): ScenarioIssue[] {
  return toIssues(problems, file, lang, (p) => renderDetail(p.detail, lang), text);
}

/** Why no plan of the first quarter of `state`'s game would fit ({@link lockedSpendProblem}), as issues of the file; empty when one does. */
export function playableIssues(scenario: ScenarioConfig, state: SimState, file: string, lang: Lang, text?: string): ScenarioIssue[] {
  const p = lockedSpendProblem(scenario, state);
  return p ? problemIssues([p], file, safeLang(lang), text) : [];
}

/** Why `n` firms cannot play `scenario` as a market (its market.firms range), as issues of its file; empty when they can. */
export function marketSizeIssues(scenario: ScenarioConfig, n: number, file: string, lang: Lang, text?: string): ScenarioIssue[] {
  if (!marketSizeProblem(scenario, n)) return [];
  const { min, max } = marketFirms(scenario);
  return problemIssues([mismatch(['market', 'firms'], { kind: 'firmRange', min, max }, { kind: 'value', value: n })], file, lang, text);
}

/** The outcome of {@link parseJsonText}. */
export type ParsedText =
  /** `body` is the text without its byte-order mark; `duplicates` are its repeated keys. */
  | { ok: true; body: string; json: unknown; duplicates: Problem[] }
  /** The text is empty, not JSON or nested too deep; `body` is given when `problem` points into it. */
  | { ok: false; problem: Problem; body?: string };

/**
 * The JSON steps shared by scenario and run files: drops a UTF-8 byte-order mark, rejects an
 * empty text, a syntax error or nesting deeper than {@link MAX_DEPTH}, then parses the text
 * and lists its duplicate keys. Size limits are the caller's.
 */
export function parseJsonText(text: string): ParsedText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problem: { path: [], anchor: 'value', detail: { kind: 'empty' } } };
  const scan = scanJson(body, MAX_DEPTH);
  if (!scan.ok) {
    const detail = scan.kind === 'tooDeep'
      ? ({ kind: 'tooDeep', max: MAX_DEPTH } as const)
      : ({ kind: 'syntax', expected: scan.expected, found: scan.found } as const);
    return { ok: false, problem: { path: [], anchor: 'value', offset: scan.offset, detail }, body };
  }
  const json: unknown = JSON.parse(body);
  const duplicates: Problem[] = scan.duplicates.map((d) => ({
    path: d.path,
    anchor: 'key',
    offset: d.offset,
    detail: { kind: 'duplicateKey', key: d.key },
  }));
  return { ok: true, body, json, duplicates };
}

function failure(file: string, lang: Lang, problems: Problem[], text?: string): LoadResult {
  return { ok: false, errors: problemIssues(problems, file, lang, text) };
}

const internal = (): Problem[] => [{ path: [], anchor: 'value', detail: { kind: 'internal' } }];

function safeLang(lang: unknown): Lang {
  return lang === 'zh-CN' ? 'zh-CN' : 'en';
}

/**
 * Validates an already-parsed scenario document (e.g. after the CLI's `--set` overrides):
 * migration, schema and semantic checks. Issues have paths but no positions (line 0).
 */
export function validateScenarioJson(json: unknown, fileName: string, lang: Lang = 'en'): LoadResult {
  const l = safeLang(lang);
  try {
    const r = check(json);
    return r.ok ? { ok: true, scenario: r.scenario, warnings: problemIssues(r.warnings, fileName, l), variants: r.variants } : failure(fileName, l, r.problems);
  } catch {
    return failure(fileName, l, internal());
  }
}

/**
 * Loads a scenario from the text of its file. A UTF-8 byte-order mark is accepted. Reports
 * every problem it can find (up to {@link MAX_ISSUES}), not just the first.
 */
export function loadScenario(text: string, fileName: string, lang: Lang = 'en'): LoadResult {
  const l = safeLang(lang);
  try {
    if (typeof text !== 'string') return failure(fileName, l, [{ path: [], anchor: 'value', detail: { kind: 'notText' } }]);
    if (text.length > MAX_TEXT_CHARS) {
      return failure(fileName, l, [{ path: [], anchor: 'value', detail: { kind: 'tooLarge', chars: text.length, max: MAX_TEXT_CHARS } }]);
    }
    const parsed = parseJsonText(text);
    if (!parsed.ok) return failure(fileName, l, [parsed.problem], parsed.body);
    const { body, json, duplicates } = parsed;
    const r = check(json);
    const problems = [...duplicates, ...(r.ok ? [] : r.problems)];
    if (!r.ok || problems.length > 0) return failure(fileName, l, problems, body);
    return { ok: true, scenario: r.scenario, warnings: problemIssues(r.warnings, fileName, l, body), variants: r.variants };
  } catch {
    return failure(fileName, l, internal());
  }
}

/** The outcome of {@link readScenarioFile}: a loaded scenario also carries the decoded text of its file. */
export type ScenarioFileResult = (LoadResult & { ok: true; text: string }) | Extract<LoadResult, { ok: false }>;

/**
 * Loads a scenario from the bytes of its file: decoded as the command line and the app both
 * decode (UTF-8 with or without a byte-order mark, UTF-16 with one; see decode.ts), then
 * {@link loadScenario}. The one reader of scenario files.
 */
export function readScenarioFile(bytes: Uint8Array, fileName: string, lang: Lang = 'en'): ScenarioFileResult {
  const decoded = fileText(bytes, fileName, safeLang(lang));
  if (!decoded.ok) return decoded;
  const r = loadScenario(decoded.text, fileName, lang);
  return r.ok ? { ...r, text: decoded.text } : r;
}
