/** `run <scenario> --seed S --policy P`: plays a whole game with a reference strategy. */
import { playGame, policyById } from '../../policies/index';
import { renderRunFile } from '../../scenario/runFile';
import { hashState, newGame } from '../../sim/index';
import type { Lang } from '../../sim/text';
import type { Command } from '../args';
import { writeUserFile, type CliIo } from '../io';
import { MESSAGES } from '../messages';
import { prepareScenario, recordedScenario, resolveScenario, withClass } from '../scenarios';
import { gameLines, roundJson } from '../table';

type RunArgs = Extract<Command, { name: 'run' }>;

/** Plays the game, prints it (table or `--json`) and records it with `--save`. */
export function runCommand(cmd: RunArgs, io: CliIo, lang: Lang): number {
  const src = resolveScenario(io, cmd.scenario, lang);
  // A class code: its variant's values come first among the overrides.
  const { prepared, overrides } = cmd.classCode !== null ? withClass(src, cmd.classCode, cmd.sets, lang) : { prepared: prepareScenario(src, cmd.sets, lang), overrides: cmd.sets };
  const { scenario, warnings } = prepared;
  for (const w of warnings) io.err(w);
  const policy = policyById(cmd.policy);
  if (!policy) throw new Error(`no policy ${cmd.policy} after argument checks`);
  const game = playGame(scenario, newGame(scenario, cmd.seed), policy);
  const reports = game.rounds.map((r) => r.report);
  const score = game.state.score;
  const finalHash = hashState(game.state);
  if (cmd.save !== null) {
    const text = renderRunFile({
      scenario: recordedScenario(src, prepared), overrides, seed: cmd.seed, decisions: game.rounds.map((r) => r.decisions), score, finalHash,
      ...(cmd.classCode !== null ? { classCode: cmd.classCode } : {}), ...(cmd.player !== null ? { player: cmd.player } : {}),
    });
    writeUserFile(io, cmd.save, text, lang);
    io.err(MESSAGES[lang].wrote(cmd.save));
  }
  if (cmd.json) {
    const doc = {
      scenario: scenario.id, source: src.label, seed: cmd.seed, classCode: cmd.classCode, player: cmd.player, policy: policy.id, overrides,
      currency: scenario.currency, rounds: reports.map(roundJson), status: game.state.status, score, finalHash,
    };
    io.out(JSON.stringify(doc, null, 2));
    return 0;
  }
  io.out(`scenario ${scenario.id} (${src.label})  seed ${cmd.seed}  policy ${policy.id}`);
  if (cmd.classCode !== null) io.out(`class ${cmd.classCode}${cmd.player !== null ? `  player ${cmd.player}` : ''}`);
  for (const s of overrides) io.out(`--set ${s}`);
  io.out('');
  for (const line of gameLines(reports, scenario.currency, score, finalHash)) io.out(line);
  return 0;
}
