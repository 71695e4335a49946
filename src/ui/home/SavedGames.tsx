import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import { fmtNumber } from '../format';

/** Saved games, newest first, each with continue and delete (delete asks first). */
export function SavedGames() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const saves = useStore((s) => s.saves);
  const resume = useStore((s) => s.resume);
  const remove = useStore((s) => s.removeSave);
  if (saves.length === 0) return null;
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="card" aria-labelledby="saved-title">
      <h2 id="saved-title">{t('home.continue')}</h2>
      <ul className="saves" data-testid="saves">
        {saves.map((s, i) => (
          <li key={s.id}>
            <span className="what">
              <strong>{pickText(s.title, lang)}</strong> · {t('home.seedIs', { seed: s.seed })} ·{' '}
              {s.status === 'running' ? t('home.savedAt', { n: s.round, total: s.rounds }) : t('home.savedDone')} · {t('home.scoreIs', { score: fmtNumber(s.score, lang) })}
              {s.branch && (
                <>
                  {' '}· <em>{t('home.branchFrom', { n: s.branch.fromRound + 1 })}</em>
                </>
              )}
              <br />
              <span className="muted">{when.format(s.updatedAt)}</span>
            </span>
            <button type="button" className="primary" data-testid={`resume-${i}`} onClick={() => void resume(s.id)}>
              {t('home.resume')}
            </button>
            <button
              type="button"
              onClick={() => {
                if (window.confirm(t('home.confirmDelete', { title: pickText(s.title, lang), seed: s.seed }))) void remove(s.id);
              }}
            >
              {t('home.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
