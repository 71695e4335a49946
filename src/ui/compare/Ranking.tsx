/**
 * The learner's game ranked among the reference strategies played on the same scenario and
 * seed (`src/store/references.ts`): a table by score and one sentence saying where the
 * learner placed. While the strategies are still being played, it says so.
 */
import './messages'; // registers the 'compare' messages (they load with this screen)
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyId } from '../../policies/index';
import { useStore } from '../../store/index';
import type { Lang } from '../../sim/text';
import { useReferences, type ReferenceStatus } from '../../store/references';
import type { GameSnapshot } from '../../worker/protocol';
import { REFERENCE_POLICIES, type ReferencePolicyId, type ReferenceRun } from '../../worker/referenceProtocol';
import { fmtMoney, fmtNumber } from '../format';

/** One game in the ranking: the learner's ('you') or a reference strategy's. */
export interface RankEntry {
  id: 'you' | PolicyId;
  score: number;
  /** Sum of the rounds' operating profit. */
  profit: number;
  /** Customer equity after the last round played. */
  equity: number;
  status: 'finished' | 'bankrupt' | 'running';
}

export interface RankedEntry extends RankEntry {
  /** 1 = best; entries with the same score (at the precision shown) share a rank. */
  rank: number;
}

/** Scores are shown with this many decimals; scores equal at this precision are a tie. */
export const SCORE_DIGITS = 1;

/** The score as compared: rounded half away from zero to SCORE_DIGITS, like the number shown. */
export function scoreKey(score: number): number {
  const f = 10 ** SCORE_DIGITS;
  return (Math.sign(score) * Math.round(Math.abs(score) * f)) / f;
}

/**
 * Ranks the games by score, best first. Equal scores (at the precision shown) share a rank,
 * the next rank skipping the tied places (1, 2, 2, 4); within a tie the learner comes first,
 * then the others in the order given.
 */
export function rankRuns(entries: readonly RankEntry[]): RankedEntry[] {
  const keyed = entries.map((e, i) => ({ e, i, k: scoreKey(e.score) }));
  keyed.sort((a, b) => b.k - a.k || Number(b.e.id === 'you') - Number(a.e.id === 'you') || a.i - b.i);
  return keyed.map(({ e, k }) => ({ ...e, rank: 1 + keyed.filter((x) => x.k > k).length }));
}

/** Where the learner placed: rank, out of how many, tied or not, and who is above, level and below. */
export function placement(ranked: readonly RankedEntry[]): { rank: number; total: number; tied: boolean; above: RankEntry['id'][]; level: RankEntry['id'][]; below: RankEntry['id'][] } | null {
  const you = ranked.find((e) => e.id === 'you');
  if (!you) return null;
  const others = ranked.filter((e) => e.id !== 'you');
  const level = others.filter((e) => e.rank === you.rank).map((e) => e.id);
  return {
    rank: you.rank,
    total: ranked.length,
    tied: level.length > 0,
    // "You placed above X": X scored lower.
    above: others.filter((e) => e.rank > you.rank).map((e) => e.id),
    level,
    below: others.filter((e) => e.rank < you.rank).map((e) => e.id),
  };
}

/** The learner's game as a ranking entry. */
export function gameEntry(game: Pick<GameSnapshot, 'summaries' | 'view'>): RankEntry {
  return {
    id: 'you',
    score: game.view.score,
    profit: game.summaries.reduce((a, x) => a + x.finance.operatingProfit, 0),
    equity: game.summaries.at(-1)?.firm.customerEquity ?? 0,
    status: game.view.status,
  };
}

/** A reference run as a ranking entry. */
export function runEntry(run: ReferenceRun): RankEntry {
  return {
    id: run.policy,
    score: run.score,
    profit: run.summaries.reduce((a, x) => a + x.finance.operatingProfit, 0),
    equity: run.summaries.at(-1)?.firm.customerEquity ?? 0,
    status: run.status,
  };
}

const isReference = (p: string): p is ReferencePolicyId => (REFERENCE_POLICIES as readonly string[]).includes(p);

/** The learner's game ranked among the reference runs (what `Ranking` shows, from the stores). */
export function Ranking() {
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game);
  const status = useReferences((s) => s.status);
  const runs = useReferences((s) => s.runs);
  if (!game) return null;
  return <RankingView lang={lang} game={game} status={status} runs={runs} />;
}

/** The ranking of `game` among `runs` (all of them once `status` is 'done'). */
export function RankingView({ lang, game, status, runs }: { lang: Lang; game: GameSnapshot; status: ReferenceStatus; runs: readonly ReferenceRun[] }) {
  const { t } = useTranslation('compare');
  const headingId = useId();
  const currency = game.scenario.currency;

  const name = (id: RankEntry['id'], inline: boolean): string => {
    if (id === 'you') return t('you');
    if (!isReference(id)) return id;
    return inline ? t(`policyInline.${id}`) : t(`policy.${id}`);
  };
  const list = (ids: readonly RankEntry['id'][]): string => new Intl.ListFormat(lang, { type: 'conjunction' }).format(ids.map((id) => name(id, true)));
  const ordinal = (rank: number): string => (rank >= 1 && rank <= 5 ? t(`ordinal.${String(rank) as '1' | '2' | '3' | '4' | '5'}`) : String(rank));

  let body;
  if (status === 'failed') body = <p>{t('failed')}</p>;
  else if (status !== 'done') {
    body = (
      <p role="status" data-testid="ranking-computing">
        {t('computing', { done: runs.length, total: REFERENCE_POLICIES.length })}
      </p>
    );
  } else {
    const ranked = rankRuns([gameEntry(game), ...runs.map(runEntry)]);
    const place = placement(ranked)!;
    const placeText = t(place.tied ? 'tied' : 'placed', { rank: ordinal(place.rank), total: place.total });
    const clauses = [
      place.above.length ? t('above', { names: list(place.above) }) : null,
      place.level.length ? t('level', { names: list(place.level) }) : null,
      place.below.length ? t('below', { names: list(place.below) }) : null,
    ].filter((c): c is string => c !== null);
    const sentence = clauses.length ? t('sentence', { place: placeText, details: clauses.join(t('clauseSep')) }) : t('sentenceAlone', { place: placeText });
    body = (
      <>
        <p data-testid="ranking-sentence">{sentence}</p>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('caption')}>
        <table className="data" data-testid="ranking">
          <caption className="muted">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('col.rank')}
              </th>
              <th scope="col">{t('col.strategy')}</th>
              <th scope="col" className="num">
                {t('col.score')}
              </th>
              <th scope="col" className="num">
                {t('col.profit')}
              </th>
              <th scope="col" className="num">
                {t('col.equity')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((e) => {
              const you = e.id === 'you';
              const label = e.status === 'bankrupt' ? t('bankrupt', { name: name(e.id, false) }) : name(e.id, false);
              return (
                <tr key={e.id} className={you ? 'ranking-you' : undefined} data-you={you ? 'true' : undefined}>
                  <td className="num">{ordinal(e.rank)}</td>
                  <th scope="row">{you ? <strong>{label}</strong> : label}</th>
                  <td className="num">{you ? <strong>{fmtNumber(e.score, lang, { digits: SCORE_DIGITS, full: true })}</strong> : fmtNumber(e.score, lang, { digits: SCORE_DIGITS, full: true })}</td>
                  <td className="num">{fmtMoney(e.profit, currency, lang)}</td>
                  <td className="num">{fmtMoney(e.equity, currency, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      </>
    );
  }

  return (
    <section className="card" aria-labelledby={headingId} data-testid="ranking-card">
      <h2 id={headingId}>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {body}
    </section>
  );
}
