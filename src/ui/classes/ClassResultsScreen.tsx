/**
 * Class results (issue 15): the instructor types the class code and picks or drops the
 * students' run files; each is replayed in grading workers (one per core) and the class is
 * ranked, as `npm run sim -- class` does: verified, copy (naming whose), tampered, another
 * class, invalid (with the reader's sentence). The gradebook downloads as CSV in the page's
 * language.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeClassCode } from '../../scenario/classCodeShape';
import type { GradeRow, GradeStatus } from '../../scenario/gradebook';
import { useStore } from '../../store/index';
import { gradebookText, gradeFiles, useGrading } from '../../store/grading';
import { fmtMoney, fmtNumber } from '../format';
import { DropZone } from '../home/DropZone';
import { FilePicker } from '../home/FilePicker';
import { saveTextFile } from '../shell/files';
import { ClassInsights } from './ClassInsights';
import './classes.css';

const STATUSES: readonly GradeStatus[] = ['verified', 'copy', 'tampered', 'foreign-class', 'invalid'];

async function bytesOf(files: readonly File[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(
    files.map(async (f) => {
      try {
        return { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
      } catch {
        // Unreadable: graded as an invalid file, with the reader's sentence.
        return { name: f.name, bytes: new Uint8Array(0) };
      }
    }),
  );
}

export default function ClassResultsScreen() {
  const { t } = useTranslation('classes');
  const lang = useStore((s) => s.lang);
  const g = useGrading();
  const [code, setCode] = useState(() => g.code ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const normal = normalizeClassCode(code);
  const running = g.status === 'running';
  const why = code.trim() === '' ? t('noCode') : normal === null ? t('badCode') : files.length === 0 ? t('noFiles') : null;
  const grade = async () => {
    if (normal === null || files.length === 0) return;
    await gradeFiles(normal, await bytesOf(files), lang);
  };
  const counts = Object.fromEntries(STATUSES.map((s) => [s, g.rows.filter((r) => r.status === s).length])) as Record<GradeStatus, number>;
  const ordered = [...g.rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.file < b.file ? -1 : 1));
  const note = (r: GradeRow): string => (r.copyOf !== null ? t('copyOf', { player: r.copyOf }) : (r.reason ?? ''));

  return (
    <article className="stack classes" data-testid="class-results">
      <h1 tabIndex={-1}>{t('title')}</h1>
      <p>{t('intro')}</p>
      <section className="card stack">
        <label htmlFor="grade-code">
          {t('code')}
          <input id="grade-code" type="text" value={code} maxLength={40} spellCheck={false} aria-describedby="grade-code-help" data-testid="grade-code" onChange={(e) => setCode(e.target.value)} />
        </label>
        <p id="grade-code-help" className="muted">
          {t('codeHelp')}
        </p>
        <DropZone onDrop={setFiles}>
          <FilePicker id="grade-files" testId="grade-files" prompt={t('files')} chosen={files.length > 0 ? t('chosen', { count: files.length }) : null} onPickAll={(fs) => setFiles(fs)} />
          <p className="muted">{t('drop')}</p>
        </DropZone>
        <div className="row">
          <button type="button" className="primary" data-testid="grade" disabled={why !== null || running} aria-describedby={why !== null ? 'grade-why' : undefined} onClick={() => void grade()}>
            {t('grade')}
          </button>
          <button type="button" data-testid="grade-back" onClick={() => useStore.getState().go('home')}>
            {t('back')}
          </button>
        </div>
        {why !== null && (
          <p id="grade-why" className="start-why" data-testid="grade-why">
            {why}
          </p>
        )}
        {running && (
          <p role="status" data-testid="grade-progress">
            {t('progress', { done: g.done, total: g.total, workers: g.workers })}
          </p>
        )}
      </section>

      {g.status === 'done' && g.code !== null && (
        <section className="card stack" aria-labelledby="grade-table-title" data-testid="grade-done" data-class={g.code} data-workers={g.workers}>
          {g.error !== null && (
            <p role="alert" data-testid="grade-failed">
              {t('failed', { why: g.error })}
            </p>
          )}
          <p role="status" data-testid="grade-summary">
            {t('summary', { code: g.code, total: g.rows.length, verified: counts.verified, copy: counts.copy, tampered: counts.tampered, foreign: counts['foreign-class'], invalid: counts.invalid })}
          </p>
          <div className="table-scroll">
            <table className="data grade-table">
              <caption id="grade-table-title">{t('table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.rank')}</th>
                  <th scope="col">{t('col.player')}</th>
                  <th scope="col" className="num">{t('col.score')}</th>
                  <th scope="col" className="num">{t('col.equity')}</th>
                  <th scope="col">{t('col.status')}</th>
                  <th scope="col">{t('col.file')}</th>
                  <th scope="col">{t('col.note')}</th>
                </tr>
              </thead>
              <tbody>
                {ordered.map((r) => (
                  <tr key={`${r.file}|${r.player ?? ''}`} data-testid="grade-row" data-file={r.file} data-status={r.status} className={`status-${r.status}`}>
                    <td>{r.rank ?? t('noRank')}</td>
                    <th scope="row">{r.player ?? t('noPlayer')}</th>
                    <td className="num">{r.score === null ? '—' : fmtNumber(r.score, lang, { digits: 1 })}</td>
                    <td className="num">{r.customerEquity === null || r.currency === null ? '—' : fmtMoney(r.customerEquity, r.currency, lang)}</td>
                    <td>
                      <span className={`badge grade-${r.status}`}>{t(`status.${r.status}`)}</span>
                    </td>
                    <td>{r.file}</td>
                    <td className="grade-note">{note(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button
              type="button"
              data-testid="grade-csv"
              disabled={g.rows.length === 0}
              onClick={() => {
                const text = gradebookText(lang);
                if (text !== null) saveTextFile(text, `gradebook-${g.code}.csv`, 'text/csv');
              }}
            >
              {t('download')}
            </button>
          </p>
        </section>
      )}
      {g.status === 'done' && g.code !== null && g.rows.length > 0 && (
        <ClassInsights
          lang={lang}
          code={g.code}
          rows={g.rows}
          decisions={g.decisions}
          ghosts={g.ghosts}
          noSolo={Object.keys(g.decisions).length === 0}
          currency={g.rows.find((r) => r.currency !== null)?.currency ?? 'CNY'}
        />
      )}
    </article>
  );
}
