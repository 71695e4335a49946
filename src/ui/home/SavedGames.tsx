import { useTranslation } from 'react-i18next';
import { pickText, type Lang } from '../../sim/text';
import { useStore, type SaveEntry, type SaveFound, type SaveMeta, type SaveProblem } from '../../store/index';
import { fmtNumber } from '../format';
import { saveTextFile } from '../shell/files';

/** Reasons shown in a damaged save's row before "…and N more". */
const MAX_REASONS = 3;

type DamagedEntry = Extract<SaveEntry, { kind: 'damaged' }>;

/** The time of a save, in the learner's language. */
function when(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** What a damaged field held, in words. */
function useFoundText(): (found: SaveFound) => string {
  const { t } = useTranslation();
  return (found) => {
    switch (found.kind) {
      case 'missing':
      case 'null':
      case 'object':
        return t(`home.damaged.found.${found.kind}`);
      case 'text':
        return t('home.damaged.found.text', { value: found.value });
      case 'number':
        return t('home.damaged.found.number', { value: String(found.value) });
      case 'boolean':
        return t('home.damaged.found.boolean', { value: String(found.value) });
      case 'list':
        return t('home.damaged.found.list', { count: found.count });
      case 'other':
        return t('home.damaged.found.other', { type: found.type });
      default: {
        const never: never = found;
        return never;
      }
    }
  };
}

/** One reason a save cannot be read: its path, what was expected and what was found, in the learner's language. */
export function Reason({ p }: { p: SaveProblem }) {
  const { t } = useTranslation();
  const foundText = useFoundText();
  return (
    <li>
      {p.path ? <code>{p.path}</code> : t('home.damaged.whole')}
      {t('home.damaged.expected', { expected: t(`home.damaged.expect.${p.expected}`), found: foundText(p.found) })}
    </li>
  );
}

/** A saved game that is fine. */
function SaveRow({ s, i }: { s: SaveMeta; i: number }) {
  const { t } = useTranslation();
  const lang = useStore((st) => st.lang);
  const resume = useStore((st) => st.resume);
  const remove = useStore((st) => st.removeSave);
  const title = pickText(s.title, lang);
  return (
    <li data-testid={`save-${i}`} data-save-id={s.id}>
      <span className="what">
        <strong>{title}</strong> · {s.classPlay ? t('home.classIs', { code: s.classPlay.code }) + (s.classPlay.player ? ` · ${s.classPlay.player}` : '') : t('home.seedIs', { seed: s.seed })} ·{' '}
        {s.status === 'running' ? t('home.savedAt', { n: s.round, total: s.rounds }) : t('home.savedDone')} · {t('home.scoreIs', { score: fmtNumber(s.score, lang) })}
        {s.branch && (
          <>
            {' '}· <em>{t('home.branchFrom', { n: s.branch.fromRound + 1 })}</em>
          </>
        )}
        {s.copyOf && (
          <>
            {' '}· <em>{t('home.copyOf', { n: s.copyOf.round })}</em>
          </>
        )}
        <br />
        <span className="muted">{when(s.updatedAt, lang)}</span>
      </span>
      <button type="button" className="primary" data-testid={`resume-${i}`} onClick={() => void resume(s.id)}>
        {t('home.resume')}
      </button>
      <button
        type="button"
        onClick={() => {
          if (window.confirm(t('home.confirmDelete', { title, seed: s.seed }))) void remove(s.id);
        }}
      >
        {t('home.delete')}
      </button>
    </li>
  );
}

/** A damaged record: what could be read of it, every reason (the first few), and export, delete and (if its game is intact) continue. */
function DamagedRow({ d, i }: { d: DamagedEntry; i: number }) {
  const { t } = useTranslation();
  const lang = useStore((st) => st.lang);
  const resume = useStore((st) => st.resume);
  const remove = useStore((st) => st.removeSave);
  const title = (d.title && pickText(d.title, lang)) || d.scenarioId || t('home.damaged.unknown');
  const shown = d.problems.slice(0, MAX_REASONS);
  const exportRaw = async () => {
    const r = await useStore.getState().rawSave(d.key);
    if (r) saveTextFile(r.text, r.fileName);
  };
  const reasonsId = `damaged-${i}-reasons`;
  return (
    <li className="damaged" data-testid={`damaged-${i}`}>
      <span className="what">
        <strong>{title}</strong>
        {d.seed !== null && <> · {t('home.seedIs', { seed: d.seed })}</>}{' '}
        <span className="badge warn">⚠ {t('home.damaged.badge')}</span>
        {d.updatedAt !== null && (
          <>
            <br />
            <span className="muted">{when(d.updatedAt, lang)}</span>
          </>
        )}
        <span id={reasonsId} className="reasons">
          <span>{t('home.damaged.why', { count: d.problems.length })}</span>
          <ul>
            {shown.map((p, k) => (
              <Reason key={k} p={p} />
            ))}
            {d.problems.length > shown.length && <li>{t('home.damaged.more', { count: d.problems.length - shown.length })}</li>}
          </ul>
          <span>{d.newer ? t('home.damaged.newer') : d.resumable ? t('home.damaged.canResume') : t('home.damaged.cannotResume')}</span>
        </span>
      </span>
      {d.resumable && typeof d.key === 'string' && (
        <button type="button" className="primary" data-testid={`damaged-resume-${i}`} aria-label={t('home.damaged.resumeLabel', { title })} aria-describedby={reasonsId} onClick={() => void resume(d.key as string)}>
          {t('home.resume')}
        </button>
      )}
      <button type="button" data-testid={`damaged-export-${i}`} aria-label={t('home.damaged.exportRawLabel', { title })} onClick={() => void exportRaw()}>
        {t('home.damaged.exportRaw')}
      </button>
      <button
        type="button"
        data-testid={`damaged-delete-${i}`}
        aria-label={t('home.damaged.deleteLabel', { title })}
        onClick={() => {
          if (window.confirm(t('home.damaged.confirmDelete', { title }))) void remove(d.key);
        }}
      >
        {t('home.delete')}
      </button>
    </li>
  );
}

/** Saved games, newest first, each with continue and delete (delete asks first); damaged records with their reasons, export and delete. */
export function SavedGames() {
  const { t } = useTranslation();
  const saves = useStore((s) => s.saves);
  if (saves.length === 0) return null;
  let good = 0;
  let bad = 0;
  return (
    <section className="card" aria-labelledby="saved-title">
      <h2 id="saved-title">{t('home.continue')}</h2>
      <ul className="saves" data-testid="saves">
        {saves.map((e) => (e.kind === 'save' ? <SaveRow key={`s:${e.key}`} s={e.meta} i={good++} /> : <DamagedRow key={`d:${bad}:${String(e.key)}`} d={e} i={bad++} />))}
      </ul>
    </section>
  );
}
