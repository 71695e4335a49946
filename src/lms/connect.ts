/**
 * The SCORM 1.2 package's link with the LMS (loaded only by the SCORM build, see main.tsx).
 *
 * At launch: find the LMS's API, LMSInitialize, mark the lesson incomplete if it was not
 * attempted, read the package's settings, and either resume the game the course kept
 * (`cmi.suspend_data`, replayed) or start the package's scenario. After every quarter: the game
 * into `cmi.suspend_data` (never over 4,096 characters: a game too long for it keeps its
 * first quarters there, and says so), and LMSCommit. At the end: the grade
 * (`cmi.core.score.raw`, result.ts) and passed/failed. When the page goes:
 * `cmi.core.session_time`, `cmi.core.exit`, LMSCommit and LMSFinish.
 *
 * Without an LMS (the package opened from a disk) the game plays as the web app does, and the
 * bar says that nothing is reported.
 */
import { useStore } from '../store/index';
import { useReferences } from '../store/references';
import { randomSeed } from '../store/seed';
import type { ClassPlay, GameSource } from '../worker/protocol';
import { findScorm12Api, Scorm12Session, type ApiWindow } from './api';
import { PACKAGE_CONFIG_FILE, readPackageConfig, type PackageConfig } from './packageConfig';
import { lmsResult, masteryOf, sessionTime } from './result';
import { useLms } from './status';
import { decodeSuspend, encodeSuspend, SUSPEND_LIMIT } from './suspend';

async function fetchText(file: string): Promise<string | null> {
  try {
    const r = await fetch(new URL(file, document.baseURI), { cache: 'no-cache' });
    return r.ok ? await r.text() : null;
  } catch {
    return null;
  }
}

/** The package's settings and its scenario as a game source, or what is wrong with them. */
async function packageSource(): Promise<{ config: PackageConfig; source: GameSource } | null> {
  const text = await fetchText(PACKAGE_CONFIG_FILE);
  if (text === null) {
    useLms.setState({ packageProblem: { file: PACKAGE_CONFIG_FILE, path: '', expected: 'the file, at the package\'s root' } });
    return null;
  }
  const read = readPackageConfig(text);
  if (!read.ok) {
    useLms.setState({ packageProblem: read.problem });
    return null;
  }
  const sc = read.config.scenario;
  if ('builtin' in sc) return { config: read.config, source: { kind: 'builtin', id: sc.builtin } };
  const scenarioText = await fetchText(sc.file);
  if (scenarioText === null) {
    useLms.setState({ packageProblem: { file: sc.file, path: '', expected: `the scenario file named in ${PACKAGE_CONFIG_FILE}, at the package's root` } });
    return null;
  }
  return { config: read.config, source: { kind: 'file', name: sc.file, text: scenarioText } };
}

/** The value-based reference's score on the game's world, once the reference worker has it (null if it failed). */
function benchmarkScore(): Promise<number | null> {
  const pick = (): number | null | undefined => {
    const r = useReferences.getState();
    if (r.status === 'failed') return null;
    if (r.status !== 'done') return undefined;
    return r.runs.find((x) => x.policy === 'value-based')?.score ?? null;
  };
  const now = pick();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve) => {
    const off = useReferences.subscribe(() => {
      const v = pick();
      if (v === undefined) return;
      off();
      resolve(v);
    });
  });
}

let started = false;

/** Connects the page to the LMS and follows the game (once; later calls do nothing). */
export async function startLms(win: Window & ApiWindow = window): Promise<void> {
  if (started) return;
  started = true;
  const api = findScorm12Api(win);
  if (!api) {
    useLms.setState({ phase: 'noLms' });
    return;
  }
  const lms = new Scorm12Session(api);
  const fail = () => useLms.setState({ phase: 'failed', errors: [...lms.errors] });
  if (!lms.initialize()) return fail();
  const openedAt = performance.now();
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    const g = useStore.getState().game;
    lms.set('cmi.core.session_time', sessionTime(performance.now() - openedAt));
    lms.set('cmi.core.exit', g && g.view.status === 'running' ? 'suspend' : '');
    lms.commit();
    lms.finish();
    useLms.setState({ phase: 'finished', errors: [...lms.errors] });
  };
  win.addEventListener('pagehide', finish);
  win.addEventListener('beforeunload', finish);

  const status = lms.get('cmi.core.lesson_status');
  if (status === '' || status === 'not attempted') lms.set('cmi.core.lesson_status', 'incomplete');
  lms.commit();

  const pkg = await packageSource();
  if (!pkg) return fail();
  const { config, source } = pkg;
  const mastery = masteryOf(lms.get('cmi.student_data.mastery_score'), config.mastery);
  const player = lms.get('cmi.core.student_name').trim();
  const classPlay = (code: string | null): ClassPlay | undefined => (code ? { code, player: player === '' ? null : player.slice(0, 200) } : undefined);
  useLms.setState({ phase: 'connected', mastery, errors: [...lms.errors] });

  // The game the course kept, replayed; else a new game of the package's scenario.
  const store = useStore.getState();
  const kept = lms.get('cmi.suspend_data');
  let resumed = false;
  if (kept !== '') {
    const read = await decodeSuspend(kept);
    if (!read.ok) useLms.setState({ resumeProblem: read.problem });
    else if (!(await store.replayGame(source, read.game.seed, read.game.decisions, classPlay(read.game.classCode)))) useLms.setState({ resumeProblem: 'replayFailed' });
    else if (useStore.getState().game?.scenarioHash !== read.game.scenarioHash) {
      // The course's scenario changed since this game was kept: its old plans are not replayed on the new one.
      useStore.getState().quit();
      useLms.setState({ resumeProblem: 'scenarioChanged' });
    } else {
      resumed = true;
      const n = read.game.decisions.length;
      useLms.setState({ resumedAt: n, keptQuarters: n, played: n });
    }
  }
  if (!resumed) {
    const code = config.classCode;
    if (!(await store.startGame(source, code ?? randomSeed(), classPlay(code)))) return fail();
  }
  const followed = useStore.getState();
  if (!followed.game || !followed.gameId) return fail();
  let gameId: string = followed.gameId;
  useLms.setState({ gameId });

  // Every quarter played: the game into suspend_data and a commit; at the end, the grade.
  let reported = followed.game.decisions.length;
  let graded = false;
  let queue: Promise<void> = Promise.resolve();
  const report = async (): Promise<void> => {
    const s = useStore.getState();
    const g = s.game;
    if (!g || graded) return;
    // A copy of the same game (opened in two tabs) goes on being followed; any other game is not the course's.
    if (s.gameId !== gameId) {
      if (s.copyOf?.of !== gameId) return;
      gameId = s.gameId!;
      useLms.setState({ gameId });
    }
    if (g.decisions.length === reported) return;
    reported = g.decisions.length;
    const text = await encodeSuspend({ scenarioHash: g.scenarioHash, seed: g.seed, classCode: g.classPlay?.code ?? null, decisions: g.decisions });
    if (text.length <= SUSPEND_LIMIT && lms.set('cmi.suspend_data', text)) useLms.setState({ keptQuarters: g.decisions.length });
    useLms.setState({ played: g.decisions.length });
    if (g.view.status === 'running') {
      lms.commit();
      useLms.setState({ errors: [...lms.errors] });
      return;
    }
    graded = true;
    useLms.setState({ grading: true });
    const benchmark = await benchmarkScore();
    const met = new Set(g.view.objectivesMet);
    const result = lmsResult({
      status: g.view.status,
      score: g.view.score,
      objectivePoints: g.scenario.objectives.reduce((a, o) => a + (met.has(o.id) ? o.points : 0), 0),
      totalObjectivePoints: g.scenario.objectives.reduce((a, o) => a + o.points, 0),
      benchmark,
      mastery,
    });
    if (result.raw !== null) {
      lms.set('cmi.core.score.min', '0');
      lms.set('cmi.core.score.max', '100');
      lms.set('cmi.core.score.raw', String(result.raw));
    }
    lms.set('cmi.core.lesson_status', result.lessonStatus);
    lms.commit();
    useLms.setState({ result, grading: false, errors: [...lms.errors] });
  };
  useStore.subscribe((s) => [s.gameId, s.game?.decisions.length ?? -1] as const, () => void (queue = queue.then(report)), {
    equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1],
  });
  // A game resumed at its end is graded again (the same game gives the same grade).
  if (resumed && followed.game.view.status !== 'running') {
    reported = -1;
    queue = queue.then(report);
  }
}
