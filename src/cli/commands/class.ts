/**
 * `class <folder> --class CODE [--csv FILE] [--json] [--workers K]`: grades a folder of run
 * files as games of one class (src/scenario/grade.ts), each verified by replay in worker
 * threads. Prints a table, or `{ class, files: [{ file, player, status, score, rank, copyOf,
 * reason }] }` with `--json`; `--csv` writes the gradebook (UTF-8 with a byte-order mark, so
 * spreadsheet programs read the Chinese; headers in the language of `--lang`), one row per game.
 */
import { GRADEBOOK, gradeClass, gradebookCsv, gradeFile, num, type GradedFile } from '../../scenario/grade';
import type { RunHost } from '../../scenario/readRun';
import type { Lang } from '../../sim/text';
import type { Command } from '../args';
import { CliError, absolute, fsReason, writeUserFile, type CliIo } from '../io';
import { defaultWorkers, runInWorkers } from '../lab/pool';
import { MESSAGES } from '../messages';
import { builtinIds, readBuiltin } from '../scenarios';
import { aligned } from '../table';

type ClassArgs = Extract<Command, { name: 'class' }>;

export async function classCommand(cmd: ClassArgs, io: CliIo, lang: Lang): Promise<number> {
  const dir = absolute(io, cmd.folder);
  let names: string[];
  try {
    if (!io.listDir) throw new Error('no directory listing');
    names = io.listDir(dir).filter((n) => !n.startsWith('.')).sort();
  } catch (e) {
    throw new CliError([MESSAGES[lang].cannotRead(cmd.folder, fsReason(e, lang))], 1);
  }
  // The files (a folder inside is skipped; a file that cannot be read is invalid).
  const jobs: { bytes: Uint8Array; file: string }[] = [];
  const unreadable: GradedFile[] = [];
  for (const name of names) {
    try {
      jobs.push({ bytes: io.readFile(`${dir}/${name}`), file: name });
    } catch (e) {
      const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : null;
      if (code === 'EISDIR') continue;
      unreadable.push({ file: name, kind: 'solo', status: 'invalid', reason: MESSAGES[lang].cannotRead(name, fsReason(e, lang)), classCode: null, games: [], decisions: null, player: null });
    }
  }
  const builtins: Record<string, Uint8Array> = {};
  for (const id of builtinIds(io)) {
    const b = readBuiltin(io, id);
    if (b) builtins[id] = b.bytes;
  }
  const host: RunHost = { builtin: (id) => builtins[id] ?? null, builtinIds: Object.keys(builtins).sort() };
  const workers = Math.min(cmd.workers ?? defaultWorkers(), Math.max(1, jobs.length));
  const { results: graded, threads } = await runInWorkers<(typeof jobs)[number], GradedFile>(
    { kind: 'grade', code: cmd.classCode, lang, builtins }, jobs, workers, (j) => gradeFile(j.bytes, j.file, cmd.classCode, lang, host), cmd.workers !== null,
  );
  io.err(MESSAGES[lang].grading(jobs.length, threads));
  const all = [...graded, ...unreadable].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const rows = gradeClass(all);
  if (cmd.csv !== null) {
    writeUserFile(io, cmd.csv, gradebookCsv(cmd.classCode, rows, lang), lang);
    io.err(MESSAGES[lang].wrote(cmd.csv));
  }
  if (cmd.json) {
    io.out(JSON.stringify({ class: cmd.classCode, files: rows.map((r) => ({ file: r.file, player: r.player, status: r.status, score: r.score, rank: r.rank, copyOf: r.copyOf, reason: r.reason })) }, null, 2));
    return 0;
  }
  const t = GRADEBOOK.en.status;
  io.out(`class ${cmd.classCode}: ${jobs.length + unreadable.length} file${jobs.length + unreadable.length === 1 ? '' : 's'}`);
  const ordered = [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  io.out(
    aligned(
      [['rank', 'player', 'score', 'status', 'file', 'note'], ...ordered.map((r) => [r.rank === null ? '—' : String(r.rank), r.player ?? '—', num(r.score, 2) || '—', t[r.status], r.file, r.copyOf !== null ? `copy of ${r.copyOf}` : (r.reason ?? '')])],
      [false, true, false, true, true, true],
    ).join('\n'),
  );
  return 0;
}
