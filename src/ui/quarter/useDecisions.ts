/** What every section of the decision panel needs: the draft, edits, the engine's reasons by path, and lock notes. */
import { useTranslation } from 'react-i18next';
import type { Decisions, Lever } from '../../sim/config';
import { useStore } from '../../store/index';
import { tierName as nameOfTier } from '../shell/tierName';

export function useDecisions() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const draft = useStore((s) => s.draft);
  const edit = useStore((s) => s.edit);
  const preview = useStore((s) => s.preview);
  const game = useStore((s) => s.game)!;
  const sc = game.scenario;
  const problems = preview?.problems ?? [];
  /** The engine's reasons for `path` (and, for a prefix ending in '.', everything under it). */
  const errorsAt = (path: string): string[] => problems.filter((p) => p.path === path).map((p) => p.text);
  const lockNote = (lever: Lever): string | null => {
    if (!game.view.locked.includes(lever)) return null;
    const until = sc.unlocks?.filter((u) => u.levers.includes(lever)).map((u) => u.round).sort((a, b) => a - b)[0];
    return until ? t('quarter.lockedUntil', { n: until }) : t('quarter.lockedHere');
  };
  const tierName = (i: number): string => nameOfTier(sc, i, draft?.tiering.tierCount ?? sc.initialDecisions.tiering.tierCount, lang);
  return { t, lang, draft: draft as Decisions, edit, preview, game, sc, currency: sc.currency, errorsAt, lockNote, tierName };
}
