/**
 * The SCORM package's bar under the header: whether an LMS launched the page, what the course
 * keeps of the game, problems in the learner's words, and at the end the grade reported with
 * how it was made. Loaded only by the SCORM build (App.tsx).
 */
import { useLms } from '../../lms/status';
import { useStore } from '../../store/index';
import { fmtPercent } from '../format';
import { lmsMessages } from './messages';

const fill = (text: string, vars: Record<string, string | number>): string => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));

export default function LmsBar() {
  const lang = useStore((s) => s.lang);
  const gameId = useStore((s) => s.gameId);
  const rounds = useStore((s) => s.game?.scenario.rounds ?? 0);
  const lms = useLms();
  const m = lmsMessages[lang];
  const lines: string[] = [];
  let alert = false;
  const pct = (x: number | null) => (x === null ? '' : fmtPercent(x, lang, 0));

  if (lms.packageProblem) {
    const p = lms.packageProblem;
    lines.push(fill(m.package, { file: p.file, path: p.path === '' ? '' : ` › ${p.path}`, expected: p.expected }));
    alert = true;
  } else if (lms.phase === 'connecting') lines.push(m.connecting);
  else if (lms.phase === 'noLms') lines.push(m.noLms);
  else {
    if (lms.phase === 'failed' || lms.errors.length > 0) {
      const e = lms.errors[0];
      if (e) lines.push(fill(m.failed, { call: e.call, code: e.code, message: e.message ? `: ${e.message}` : '' }));
      // Every LMS call succeeded, but the game did not start (the store's notice says why).
      else lines.push(m.notStarted);
      alert = true;
    }
    if (lms.phase === 'connected') lines.push(m.connected);
    if (lms.phase === 'finished') lines.push(m.closed);
    if (lms.resumeProblem) lines.push(m.resume[lms.resumeProblem]);
    if (lms.resumedAt !== null && lms.resumedAt > 0) lines.push(fill(m.resumed, { n: lms.resumedAt }));
    if (lms.keptQuarters < lms.played) lines.push(fill(m.tooLong, { kept: lms.keptQuarters + 1 }));
    else if (lms.played > 0 && !lms.result) lines.push(fill(m.kept, { kept: lms.keptQuarters, played: lms.played, rounds }));
    if (lms.grading) lines.push(m.grading);
    const r = lms.result;
    if (r) {
      if (r.raw === null) lines.push(m.completedOnly);
      else {
        lines.push(fill(m.result, { raw: r.raw, status: m.status[r.lessonStatus], mastery: lms.mastery }));
        if (r.objectives !== null && r.versusBenchmark !== null) lines.push(fill(m.parts, { objectives: pct(r.objectives), versus: pct(r.versusBenchmark) }));
        else if (r.objectives !== null) lines.push(fill(m.partObjectives, { objectives: pct(r.objectives) }));
        else lines.push(fill(m.partVersus, { versus: pct(r.versusBenchmark) }));
      }
      if (useStore.getState().game?.view.status === 'bankrupt') lines.push(m.bankrupt);
    }
  }
  const other = lms.gameId !== null && gameId !== null && gameId !== lms.gameId && useStore.getState().copyOf?.of !== lms.gameId;

  return (
    <section className={`card lms-bar${alert ? ' error' : ''}`} aria-label={m.label} data-testid="lms-bar" data-lms-phase={lms.phase} role={alert ? 'alert' : 'status'}>
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
      {other && (
        <p>
          {m.other}{' '}
          <button type="button" onClick={() => void useStore.getState().resume(lms.gameId!)}>
            {m.back}
          </button>
        </p>
      )}
    </section>
  );
}
