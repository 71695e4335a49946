/**
 * The command line, parsed with Node's `parseArgs` in its lenient mode (so that a seed such
 * as `-5` is a value) and checked here, token by token, with sentences a user can act on.
 */
import { normalizeClassCode } from '../scenario/classCode';
import { parseArgs } from 'node:util';
import { POLICIES, policyById } from '../policies/index';
import { MAX_FIRM_NAME } from '../scenario/runFile';
import { MAX_FIRMS } from '../sim/index';
import type { Lang } from '../sim/text';
import { usageError } from './io';
import { MESSAGES } from './messages';

/** A parsed command. */
export type Command =
  | { name: 'help' }
  | { name: 'validate'; files: string[] }
  /** `classCode`: normalized; then `seed` is the code. */
  | { name: 'run'; scenario: string; seed: string; policy: string; sets: string[]; json: boolean; save: string | null; classCode: string | null; player: string | null }
  | { name: 'market'; scenario: string; seed: string; firms: string[]; names: string[] | null; sets: string[]; json: boolean; save: string | null }
  | { name: 'replay'; file: string; json: boolean }
  /** `classCode`: normalized; `workers`: null for one per core. */
  | { name: 'class'; folder: string; classCode: string; csv: string | null; json: boolean; workers: number | null }
  /** `workers`: null for one per core. */
  | { name: 'lab'; scenario: string; seeds: number; workers: number | null; sets: string[]; json: boolean }
  | { name: 'verify'; files: string[] }
  /** `out`: null for the committed file, `'-'` for standard output. */
  | { name: 'schema'; out: string | null };

/** The help text (English only). */
export const USAGE = `CRM Sandbox (客户关系经营沙盘): command line

Usage: npm run sim -- <command> [options]

Commands:
  validate <file...>                 check scenario files and list every problem
  run <scenario> --seed S --policy P play a whole game with a reference strategy
      [--class CODE]                 instead of --seed: the class code sets the seed and the
                                     class's variant of the scenario
      [--player NAME]                the player's name or student number, for the run file
      [--set path=value ...]         override any scenario field (what-if studies)
      [--json]                       print one JSON document instead of the table
      [--save FILE]                  record the game as a run file
  market <scenario> --seed S --firms P1,P2,...
                                     play a market game: 1-8 computer firms, each
                                     running a strategy, compete for one population
      [--names A,B,...]              the firms' names (default: the scenario's, else A, B, ...)
      [--set path=value ...] [--json] [--save FILE]   as for run
  lab <scenario> [--seeds N]         balance a scenario: every strategy over seeds 1..N
                                     (default 20), lever sweeps, end-game and lesson
                                     checks, flags for what looks wrong
      [--workers K]                  games in K worker threads (default: one per core)
      [--set path=value ...] [--json]   as for run
  class <folder> --class CODE        grade a folder of run files as games of one class:
                                     verified, copy, tampered, another class, invalid;
                                     ranks by score
      [--csv FILE]                   write the gradebook (UTF-8, headers in --lang)
      [--json] [--workers K]
  replay <runfile> [--json]          replay a run file (solo or market) and print its rounds
  verify <runfile...>                replay run files (solo or market) and check their claims
  schema [--out FILE | -]            write the scenario JSON Schema
                                     (default: scenarios/scenario.schema.json)
  help                               show this text

<scenario> is a scenario file or the id of a built-in scenario, e.g. ad-agency.
Policies: ${POLICIES.map((p) => p.id).join(', ')}.
--lang en|zh-CN sets the language of error messages (default: zh-CN if LANG starts
with zh, else en).
Exit codes: 0 done, 1 a file or a claim is wrong, 2 internal error, 64 usage error.`;

/** The short reminder shown after a usage error. */
export const SHORT_USAGE = 'Usage: npm run sim -- <validate|run|market|lab|class|replay|verify|schema|help> ... (see: npm run sim -- help)';

type OptionSpec = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

const COMMON: Record<string, OptionSpec> = { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } };

const OPTIONS: Record<Exclude<Command['name'], 'help'>, Record<string, OptionSpec>> = {
  validate: {},
  run: { seed: { type: 'string' }, class: { type: 'string' }, player: { type: 'string' }, policy: { type: 'string' }, set: { type: 'string', multiple: true }, json: { type: 'boolean' }, save: { type: 'string' } },
  market: { seed: { type: 'string' }, firms: { type: 'string' }, names: { type: 'string' }, set: { type: 'string', multiple: true }, json: { type: 'boolean' }, save: { type: 'string' } },
  lab: { seeds: { type: 'string' }, workers: { type: 'string' }, set: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  class: { class: { type: 'string' }, csv: { type: 'string' }, json: { type: 'boolean' }, workers: { type: 'string' } },
  replay: { json: { type: 'boolean' } },
  verify: {},
  schema: { out: { type: 'string' } },
};

const isCommand = (c: string): c is keyof typeof OPTIONS => Object.hasOwn(OPTIONS, c);

/** The language of messages: `--lang`, else `LANG` starting with `zh`, else English. */
export function detectLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Lang {
  const fallback: Lang = /^zh/i.test(env.LANG ?? '') ? 'zh-CN' : 'en';
  let given: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') break;
    if (a === '--lang') given = argv[i + 1] ?? '';
    else if (a.startsWith('--lang=')) given = a.slice('--lang='.length);
  }
  if (given === undefined) return fallback;
  if (/^zh/i.test(given)) return 'zh-CN';
  if (/^en/i.test(given)) return 'en';
  throw usageError(MESSAGES[fallback].usage.badLang(given));
}

/** Parses `argv` (without `node` and the script). Throws a usage {@link CliError} on a mistake. */
export function parseCommand(argv: readonly string[], lang: Lang): Command {
  const u = MESSAGES[lang].usage;
  // `--lang X` may come before the command.
  let start = 0;
  while (argv[start]?.startsWith('--lang')) start += argv[start] === '--lang' ? 2 : 1;
  const name = argv[start];
  if (name === undefined) throw usageError(u.noCommand);
  if (name === 'help' || name === '--help' || name === '-h') return { name: 'help' };
  if (!isCommand(name)) throw usageError(u.unknownCommand(name));
  const spec = { ...COMMON, ...OPTIONS[name] };
  const { tokens } = parseArgs({ args: argv.slice(start + 1), options: spec, strict: false, allowPositionals: true, tokens: true });
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push(t.value);
    if (t.kind !== 'option') continue;
    const o = spec[t.name];
    if (!o) throw usageError(u.unknownOption(t.rawName, name));
    if (o.type === 'boolean') {
      if (t.value !== undefined) throw usageError(u.noValue(t.rawName));
      flags.add(t.name);
      continue;
    }
    if (t.value === undefined) throw usageError(u.missingValue(t.rawName));
    const seen = values.get(t.name) ?? [];
    if (seen.length > 0 && !o.multiple) throw usageError(u.once(t.rawName));
    values.set(t.name, [...seen, t.value]);
  }
  if (flags.has('help')) return { name: 'help' };
  const one = (key: string): string | null => values.get(key)?.[0] ?? null;
  const exactlyOne = (what: string): string => {
    const [first, extra] = positionals;
    if (first === undefined) throw usageError(u.missingArg(name, what));
    if (extra !== undefined) throw usageError(u.extraArg(name, extra));
    return first;
  };
  const atLeastOne = (what: string): string[] => {
    if (positionals.length === 0) throw usageError(u.missingArg(name, what));
    return positionals;
  };
  const requiredSeed = (): string => {
    const seed = one('seed');
    if (seed === null) throw usageError(u.required('--seed', name));
    if (seed === '') throw usageError(u.emptySeed);
    return seed;
  };
  const whole = (v: string | null, max: number, bad: (v: string) => string): number | null => {
    if (v === null) return null;
    if (!/^[0-9]+$/.test(v) || Number(v) < 1 || Number(v) > max) throw usageError(bad(v));
    return Number(v);
  };
  switch (name) {
    case 'validate':
      return { name, files: atLeastOne(u.what.files) };
    case 'verify':
      return { name, files: atLeastOne(u.what.runFiles) };
    case 'replay':
      return { name, file: exactlyOne(u.what.runFile), json: flags.has('json') };
    case 'class': {
      const folder = exactlyOne(u.what.folder);
      const given = one('class');
      if (given === null) throw usageError(u.required('--class', name));
      const classCode = normalizeClassCode(given);
      if (classCode === null) throw usageError(u.badClass(given));
      return { name, folder, classCode, csv: one('csv'), json: flags.has('json'), workers: whole(one('workers'), 64, u.badWorkers) };
    }
    case 'lab': {
      const scenario = exactlyOne(u.what.scenario);
      const seeds = whole(one('seeds'), 200, u.badSeeds) ?? 20;
      return { name, scenario, seeds, workers: whole(one('workers'), 64, u.badWorkers), sets: values.get('set') ?? [], json: flags.has('json') };
    }
    case 'schema': {
      const [first, extra] = positionals;
      if (extra !== undefined || (first !== undefined && first !== '-')) throw usageError(u.extraArg(name, extra ?? first ?? ''));
      if (first !== undefined && one('out') !== null) throw usageError(u.extraArg(name, first));
      return { name, out: first ?? one('out') };
    }
    case 'run': {
      const scenario = exactlyOne(u.what.scenario);
      const given = one('class');
      const classCode = given === null ? null : normalizeClassCode(given);
      if (given !== null && classCode === null) throw usageError(u.badClass(given));
      if (classCode !== null && one('seed') !== null) throw usageError(u.classAndSeed);
      const seed = classCode ?? requiredSeed();
      const player = one('player');
      if (player !== null && (player.trim() === '' || player.length > 200)) throw usageError(u.badPlayer);
      const policy = one('policy');
      if (policy === null) throw usageError(u.required('--policy', name));
      if (!policyById(policy)) throw usageError(u.unknownPolicy(policy, POLICIES.map((p) => p.id)));
      return { name, scenario, seed, policy, sets: values.get('set') ?? [], json: flags.has('json'), save: one('save'), classCode, player: player?.trim() ?? null };
    }
    case 'market': {
      const scenario = exactlyOne(u.what.scenario);
      const seed = requiredSeed();
      const list = one('firms');
      if (list === null) throw usageError(u.required('--firms', name));
      const firms = list.split(',').map((p) => p.trim());
      if (firms.length < 1 || firms.length > MAX_FIRMS || firms.some((p) => p === '')) throw usageError(u.firmCount(list, MAX_FIRMS));
      for (const p of firms) if (!policyById(p)) throw usageError(u.unknownPolicy(p, POLICIES.map((x) => x.id)));
      const given = one('names');
      const names = given === null ? null : given.split(',').map((x) => x.trim());
      if (names) {
        if (names.length !== firms.length) throw usageError(u.nameCount(names.length, firms.length));
        const seen = new Set<string>();
        for (const n of names) {
          if (n === '' || n.length > MAX_FIRM_NAME) throw usageError(u.badName(n, MAX_FIRM_NAME));
          if (seen.has(n)) throw usageError(u.sameName(n));
          seen.add(n);
        }
      }
      return { name, scenario, seed, firms, names, sets: values.get('set') ?? [], json: flags.has('json'), save: one('save') };
    }
    default: {
      const never: never = name;
      return never;
    }
  }
}
