/** `replay <runfile>` and `verify <runfile...>`: recorded games, replayed and checked by the one reader the app's import uses too. */
import { fileText } from '../../scenario/decode';
import { verifyMarketRunFile, type MarketRunVerdict } from '../../scenario/marketRun';
import { replayReports, verifyRunFile, type RunHost, type RunVerdict } from '../../scenario/readRun';
import { runKindOf } from '../../scenario/runFile';
import type { RoundReport } from '../../sim/index';
import type { Lang } from '../../sim/text';
import { CliError, readUserFile, type CliIo } from '../io';
import { MESSAGES } from '../messages';
import { builtinIds, readBuiltin } from '../scenarios';
import { gameLines, roundJson, scoreText } from '../table';
import { marketJson, marketLines, type SeatInfo } from './market';

/** The built-ins of this checkout, for the reader. */
function host(io: CliIo): RunHost {
  return { builtin: (id) => readBuiltin(io, id)?.bytes ?? null, builtinIds: builtinIds(io) };
}

/** The verdict on a run file of either kind. */
type AnyVerdict = { kind: 'solo'; v: RunVerdict<RoundReport[]> } | { kind: 'market'; v: MarketRunVerdict };

/** Reads, replays and checks one run file, solo or market (a file that cannot be read at all throws its sentence). */
async function verdict(io: CliIo, file: string, lang: Lang): Promise<AnyVerdict> {
  const bytes = readUserFile(io, file, lang);
  const decoded = fileText(bytes, file, lang);
  if (decoded.ok && runKindOf(decoded.text) === 'market') return { kind: 'market', v: await verifyMarketRunFile(bytes, file, lang, host(io)) };
  return { kind: 'solo', v: await verifyRunFile(bytes, file, lang, host(io), replayReports) };
}

/** Issue sentences begin with the file name already ("run.json:3:5 at …"). */
function lines(v: { errors: readonly { message: string }[] }): string[] {
  return v.errors.map((e) => e.message);
}

/** Replays a market run file and prints it like `market`, then whether its claim holds. */
function replayMarket(v: MarketRunVerdict, file: string, json: boolean, io: CliIo, lang: Lang): number {
  const m = MESSAGES[lang];
  if (!v.ok && v.stage !== 'claim') throw new CliError(lines(v), 1);
  const { read, replay } = v;
  const { run, scenario } = read;
  const seats: SeatInfo[] = run.firms.map((f) => ({ name: f.name, policy: f.policy ?? null }));
  const reasons = v.ok ? [] : lines(v);
  if (json) {
    const doc = { ...marketJson(seats, replay.quarters, replay.market), claim: { ...run.claim, holds: v.ok, reason: v.ok ? undefined : reasons.join('; ') } };
    io.out(JSON.stringify(doc, null, 2));
    return 0;
  }
  io.out(`scenario ${scenario.id} (${file})  seed ${run.seed}  market of ${seats.length} firm${seats.length === 1 ? '' : 's'}`);
  for (const s of seats) io.out(`  ${s.name}: ${s.policy ?? 'team'}`);
  for (const s of run.overrides) io.out(`--set ${s}`);
  io.out('');
  for (const line of marketLines(seats, replay.quarters, replay.market, scenario.currency)) io.out(line);
  if (v.ok) io.out(m.claimHolds);
  else for (const r of reasons) io.out(m.claimFails(r));
  return 0;
}

/** Replays one run file and prints its rounds like `run`, then whether its claim holds. */
export async function replayCommand(file: string, json: boolean, io: CliIo, lang: Lang): Promise<number> {
  const m = MESSAGES[lang];
  const any = await verdict(io, file, lang);
  if (any.kind === 'market') return replayMarket(any.v, file, json, io, lang);
  const v = any.v;
  if (!v.ok && v.stage !== 'claim') throw new CliError(lines(v), 1);
  const { read, kept: reports, actual } = v;
  const { run, scenario } = read;
  const reasons = v.ok ? [] : v.errors.map((e) => e.message);
  if (json) {
    const doc = {
      scenario: scenario.id, source: file, seed: run.seed, overrides: run.overrides, currency: scenario.currency,
      rounds: reports.map(roundJson), status: reports.at(-1)?.status ?? 'running', score: actual.score, finalHash: actual.finalHash,
      claim: { ...run.claim, holds: v.ok, reason: v.ok ? undefined : reasons.join('; ') },
    };
    io.out(JSON.stringify(doc, null, 2));
    return 0;
  }
  io.out(`scenario ${scenario.id} (${file})  seed ${run.seed}`);
  for (const s of run.overrides) io.out(`--set ${s}`);
  io.out('');
  for (const line of gameLines(reports, scenario.currency, actual.score, actual.finalHash)) io.out(line);
  if (v.ok) io.out(m.claimHolds);
  else for (const r of reasons) io.out(m.claimFails(r));
  return 0;
}

/** The line `verify` prints for a file whose claim holds, or null. */
function okLine(any: AnyVerdict, file: string): string | null {
  if (any.kind === 'market') {
    if (!any.v.ok) return null;
    const { actual, read } = any.v;
    const scores = read.run.firms.map((f, seat) => `${f.name} ${scoreText(actual.scores[seat]!)}`).join(', ');
    return `OK ${file} market of ${actual.scores.length} firms, scores ${scores} hash ${actual.finalHash} (${actual.rounds} rounds)`;
  }
  if (!any.v.ok) return null;
  const { actual } = any.v;
  return `OK ${file} score ${scoreText(actual.score)} hash ${actual.finalHash} (${actual.rounds} rounds)`;
}

/** Checks each file's claim: `OK <file> score … hash …` or `FAIL <reason>` (and its other reasons); 1 if any failed. */
export async function verifyCommand(files: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const m = MESSAGES[lang];
  let failed = 0;
  for (const file of files) {
    let any: AnyVerdict;
    try {
      any = await verdict(io, file, lang);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      failed++;
      io.out(`FAIL ${m.inFile(file, e.lines[0] ?? '')}`);
      continue;
    }
    const ok = okLine(any, file);
    if (ok !== null) {
      io.out(ok);
      continue;
    }
    failed++;
    const [first = file, ...rest] = lines(any.v as { errors: readonly { message: string }[] });
    io.out(`FAIL ${first}`);
    for (const line of rest.slice(0, 5)) io.out(`  ${line}`);
    if (rest.length > 5) io.out(`  ${m.more(rest.length - 5)}`);
  }
  return failed > 0 ? 1 : 0;
}
