/** `replay <runfile>` and `verify <runfile...>`: recorded games, replayed and checked. */
import { parseRunFile, checkClaim, refusedText, replayRun, verifyFailureText, verifyRun, type RunFile } from '../../scenario/runFile';
import { hashJson, hashState, type ScenarioConfig } from '../../sim/index';
import type { Lang } from '../../sim/text';
import { CliError, readUserFile, type CliIo } from '../io';
import { MESSAGES } from '../messages';
import { builtinIds, prepareScenario, prepareScenarioJson, readBuiltin } from '../scenarios';
import { gameLines, roundJson, scoreText } from '../table';

/** A parsed run file and its scenario, with the overrides applied. */
interface LoadedRun {
  run: RunFile;
  scenario: ScenarioConfig;
}

/** Reads and parses a run file and loads its scenario; a built-in must be unchanged since the recording. */
function loadRun(io: CliIo, file: string, lang: Lang): LoadedRun {
  const m = MESSAGES[lang];
  const p = parseRunFile(readUserFile(io, file, lang), file, lang);
  if (!p.ok) throw new CliError(p.errors.map((e) => e.message), 1);
  const run = p.run;
  if ('inline' in run.scenario) {
    return { run, scenario: prepareScenarioJson(run.scenario.inline, m.inline(file), run.overrides, lang).scenario };
  }
  const { id, hash } = run.scenario;
  const src = readBuiltin(io, id);
  if (!src) throw new CliError([m.inFile(file, m.unknownBuiltin(id, builtinIds(io)))], 1);
  const { scenario } = prepareScenario(src, run.overrides, lang);
  const now = hashJson(scenario);
  if (now !== hash) throw new CliError([m.inFile(file, m.builtinChanged(id, run.overrides.length > 0, hash, now))], 1);
  return { run, scenario };
}

/** Replays one run file and prints its rounds like `run`, then whether its claim holds. */
export function replayCommand(file: string, json: boolean, io: CliIo, lang: Lang): number {
  const m = MESSAGES[lang];
  const { run, scenario } = loadRun(io, file, lang);
  const r = replayRun(scenario, run);
  if (!r.ok) throw new CliError([m.inFile(file, refusedText(r.round, r.problems, lang))], 1);
  const claim = checkClaim(run.claim, r.state, r.reports.length);
  if (json) {
    const doc = {
      scenario: scenario.id, source: file, seed: run.seed, overrides: run.overrides, currency: scenario.currency,
      rounds: r.reports.map(roundJson), status: r.state.status, score: r.state.score, finalHash: hashState(r.state),
      claim: { ...run.claim, holds: claim.ok, reason: claim.ok ? undefined : verifyFailureText(claim.failure, lang) },
    };
    io.out(JSON.stringify(doc, null, 2));
    return 0;
  }
  io.out(`scenario ${scenario.id} (${file})  seed ${run.seed}`);
  for (const s of run.overrides) io.out(`--set ${s}`);
  io.out('');
  for (const line of gameLines(r.reports, scenario.currency, r.state.score, hashState(r.state))) io.out(line);
  io.out(claim.ok ? m.claimHolds : m.claimFails(verifyFailureText(claim.failure, lang)));
  return 0;
}

/** Checks each file's claim: `OK <file> score … hash …` or `FAIL <file>: <reason>`; 1 if any failed. */
export function verifyCommand(files: readonly string[], io: CliIo, lang: Lang): number {
  const m = MESSAGES[lang];
  let failed = 0;
  for (const file of files) {
    let loaded: LoadedRun;
    try {
      loaded = loadRun(io, file, lang);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      failed++;
      const [first = '', ...rest] = e.lines;
      // Loader sentences begin with the file name already ("run.json:3:5 at …").
      io.out(first.startsWith(file) ? `FAIL ${first}` : `FAIL ${m.inFile(file, first)}`);
      for (const line of rest.slice(0, 5)) io.out(`  ${line}`);
      if (rest.length > 5) io.out(`  ${m.more(rest.length - 5)}`);
      continue;
    }
    const v = verifyRun(loaded.scenario, loaded.run);
    if (v.ok) {
      io.out(`OK ${file} score ${scoreText(v.score)} hash ${v.finalHash} (${v.rounds} rounds)`);
    } else {
      failed++;
      io.out(`FAIL ${m.inFile(file, verifyFailureText(v.failure, lang))}`);
    }
  }
  return failed > 0 ? 1 : 0;
}
