/**
 * A learner's answer to each open choice card: its default option (or its first). The quarter
 * waits while a card is unanswered, so a store test that plays quarters answers them first.
 */
import type { useStore } from '../../src/store';

export function answerCards(store: typeof useStore): void {
  const g = store.getState().game;
  if (!g) return;
  const cards = g.view.choices;
  store.getState().edit((d) => void (d.choices = cards.map((c) => ({ event: c.id, option: c.defaultOption ?? c.options?.[0]?.id ?? '' }))));
}
