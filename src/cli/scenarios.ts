/**
 * Finding and loading the scenario a command names: a file, or a built-in by id (from the
 * project's `scenarios/` folder, found from this module's location, not the working
 * directory), with the `--set` overrides applied.
 */
import { classVariant, type ScenarioVariant } from '../scenario/classCode';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyOverrides, readScenarioFile, validateScenarioJson, type LoadResult } from '../scenario/index';
import { withoutSchemaRef, type RunFile } from '../scenario/runFile';
import type { ScenarioConfig } from '../sim/config';
import { hashJson } from '../sim/hash';
import type { Lang } from '../sim/text';
import { CliError, absolute, fsReason, type CliIo } from './io';
import { MESSAGES } from './messages';

/** The folder of the built-in scenarios. */
export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

const BUILTIN_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Where a scenario came from. */
export type ScenarioSource = { kind: 'builtin'; id: string } | { kind: 'file'; path: string };

/** A scenario file's bytes, its origin, and the name to show in messages. */
export interface ScenarioBytes {
  source: ScenarioSource;
  label: string;
  bytes: Uint8Array;
}

/** A loaded scenario, its document as parsed (before overrides) and the loader's warnings. */
export interface PreparedScenario {
  scenario: ScenarioConfig;
  json: unknown;
  warnings: string[];
  /** The scenario's class variants (a class code's values of them are overrides: {@link withClass}). */
  variants: ScenarioVariant[];
}

/** The ids of the built-in scenarios, sorted; empty when the folder cannot be listed. */
export function builtinIds(io: CliIo): string[] {
  if (!io.listDir) return [];
  try {
    return io.listDir(SCENARIO_DIR)
      .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
      .map((f) => f.slice(0, -'.json'.length))
      .filter((id) => BUILTIN_ID.test(id))
      .sort();
  } catch {
    return [];
  }
}

/** The bytes of a built-in scenario, or null if there is none with this id. */
export function readBuiltin(io: CliIo, id: string): ScenarioBytes | null {
  if (!BUILTIN_ID.test(id)) return null;
  try {
    const bytes = io.readFile(join(SCENARIO_DIR, `${id}.json`));
    return { source: { kind: 'builtin', id }, label: `scenarios/${id}.json`, bytes };
  } catch {
    return null;
  }
}

/** `arg` as a file if one exists at that path, else as a built-in id; else a sentence listing the built-ins. */
export function resolveScenario(io: CliIo, arg: string, lang: Lang): ScenarioBytes {
  const path = absolute(io, arg);
  let failure: unknown;
  try {
    return { source: { kind: 'file', path }, label: arg, bytes: io.readFile(path) };
  } catch (e) {
    failure = e;
  }
  const builtin = readBuiltin(io, arg);
  if (builtin) return builtin;
  const code = typeof failure === 'object' && failure !== null && 'code' in failure ? (failure as { code: unknown }).code : null;
  const m = MESSAGES[lang];
  const looksLikeId = !/[/\\]/.test(arg) && !arg.endsWith('.json');
  if (code === 'ENOENT' && looksLikeId) throw new CliError([m.unknownScenario(arg, builtinIds(io))], 1);
  throw new CliError([m.cannotRead(arg, fsReason(failure, lang))], 1);
}

const failed = (r: LoadResult): CliError => new CliError(r.ok ? [] : r.errors.map((e) => e.message), 1);

/** Applies `sets` to a parsed scenario document and validates it (issues name the path). */
export function prepareScenarioJson(json: unknown, label: string, sets: readonly string[], lang: Lang): PreparedScenario {
  const m = MESSAGES[lang];
  let doc = json;
  if (sets.length > 0) {
    const o = applyOverrides(json, sets, lang);
    if (!o.ok) throw new CliError(o.errors, 1);
    doc = o.json;
  }
  const r = validateScenarioJson(doc, sets.length > 0 ? m.afterSet(label) : label, lang);
  if (!r.ok) throw failed(r);
  return { scenario: r.scenario, json, warnings: r.warnings.map((w) => m.warning(w.message)), variants: r.variants };
}

/**
 * Reads a scenario file (errors with line and column; src/scenario's one reader decodes the
 * bytes), then applies `sets`. Throws a {@link CliError} holding every problem.
 */
export function prepareScenario(src: ScenarioBytes, sets: readonly string[], lang: Lang): PreparedScenario {
  const r = readScenarioFile(src.bytes, src.label, lang);
  if (!r.ok) throw failed(r);
  const body = r.text.charCodeAt(0) === 0xfeff ? r.text.slice(1) : r.text;
  const json: unknown = JSON.parse(body);
  if (sets.length === 0) return { scenario: r.scenario, json, warnings: r.warnings.map((w) => MESSAGES[lang].warning(w.message)), variants: r.variants };
  return prepareScenarioJson(json, src.label, sets, lang);
}

/**
 * The scenario as class `code` (normalized) plays it: the class's variant values first, then
 * `sets`. Returns the prepared scenario and every override in the order the run file records them.
 */
export function withClass(src: ScenarioBytes, code: string, sets: readonly string[], lang: Lang): { prepared: PreparedScenario; overrides: string[] } {
  const overrides = [...classVariant(prepareScenario(src, [], lang).variants, code), ...sets];
  return { prepared: prepareScenario(src, overrides, lang), overrides };
}

/** How a run file records the scenario played: a built-in by id and the hash of the scenario after the overrides, a file inline (before them). */
export function recordedScenario(src: ScenarioBytes, prepared: PreparedScenario): RunFile['scenario'] {
  return src.source.kind === 'builtin' ? { id: src.source.id, hash: hashJson(prepared.scenario) } : { inline: withoutSchemaRef(prepared.json) };
}
