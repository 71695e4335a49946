/** The tiering rule (C19, C24): how many tiers, the score's weights, the cut-offs and the one-vote rule, with the preview of each tier's size. */
import { decisionField, type NumberField as NumberFieldSpec } from '../../sim/decisions/catalogue';
import { evenShares, setField, setShare, setTierCount } from '../../store/draftOps';
import { currencySymbol, fmtNumber } from '../format';
import { controlOf, fieldKey, niceStep, sectionNumbers } from './controls';
import { NumberField, Toggle } from './fields';
import { useDecisions } from './useDecisions';

const numberField = (id: string): NumberFieldSpec => decisionField(id) as NumberFieldSpec;
/** The levers with a value per tier (besides the rule itself): a new number of tiers changes them all. */
const PER_TIER_LEVERS = [...new Set(sectionNumbers('tierLevers').map((f) => f.lever).concat(sectionNumbers('research').filter((f) => f.scope === 'tier').map((f) => f.lever)))];
/** The weights of the tiering score (the catalogue's `tiering.weights.*`). */
const WEIGHTS = sectionNumbers('tiering').filter((f) => f.path[1] === 'weights');
const TIER_COUNT = numberField('tiering.tierCount');
const SHARE = numberField('tiering.cutoffs.shares.*');
const THRESHOLD = numberField('tiering.cutoffs.thresholds.*');
const ONE_VOTE = numberField('tiering.topIfRevenueAbove');

/** Falling score thresholds for `k` tiers: 2, 1, 0.5, ... times the firm's mean score. */
function defaultThresholds(k: number): number[] {
  return Array.from({ length: k - 1 }, (_, i) => 2 / 2 ** i);
}

export function TieringSection() {
  const { t, lang, draft, edit, preview, sc, game, errorsAt, lockNote, tierName } = useDecisions();
  const lock = lockNote('tiering');
  const ctx = { limits: game.view.limits, budgetBase: sc.firm.budget.base };
  const maxTiers = controlOf(TIER_COUNT, ctx).max;
  const rule = draft.tiering;
  const k = rule.tierCount;
  const counts = preview?.use?.tierCounts ?? [];
  const total = counts.reduce((a, b) => a + b, 0);
  const oneVote = rule.topIfRevenueAbove !== undefined;
  // Another number of tiers changes every per-tier lever: it waits until they are all open.
  const closed = PER_TIER_LEVERS.filter((l) => game.view.locked.includes(l));
  const countOpensIn = closed.length === 0 ? null : Math.max(0, ...closed.map((l) => sc.unlocks?.filter((u) => u.levers.includes(l)).map((u) => u.round).sort((a, b) => a - b)[0] ?? 0));
  const countNote = lock ? null : closed.length === 0 ? null : countOpensIn ? t('quarter.tierCountLockedUntil', { n: countOpensIn }) : t('quarter.tierCountLocked');
  return (
    <fieldset className="section">
      <legend>{t('quarter.tiering')}</legend>
      {lock && <p className="lock-note">{lock}</p>}
      <p className="muted">{t('quarter.tieringHelp')}</p>
      <div className="field">
        <label htmlFor="tier-count">{t('quarter.tierCount')}</label>
        <select
          id="tier-count"
          value={k}
          disabled={Boolean(lock) || closed.length > 0}
          aria-describedby={countNote ? 'tier-count-note' : undefined}
          data-testid="tier-count"
          onChange={(e) => edit((d) => setTierCount(d, Number(e.target.value), game.view.lastDecisions))}
        >
          {Array.from({ length: maxTiers }, (_, i) => (
            <option key={i} value={i + 1}>
              {i === 0 ? t('quarter.oneTier') : t('quarter.nTiers', { n: i + 1 })}
            </option>
          ))}
        </select>
        {countNote && (
          <span id="tier-count-note" className="lock-note">
            {countNote}
          </span>
        )}
      </div>
      {k > 1 && (
        <>
          <h3>{t('quarter.weights')}</h3>
          <div className="field-grid">
            {WEIGHTS.map((f) => {
              const c = controlOf(f, ctx);
              const dim = fieldKey(f) as keyof typeof rule.weights;
              return (
                <NumberField
                  key={f.id}
                  label={t(f.label as 'quarter.tierCount')}
                  value={rule.weights[dim]}
                  min={c.min}
                  max={c.max}
                  step={c.step}
                  disabled={Boolean(lock)}
                  errors={errorsAt(f.id)}
                  onChange={(v) => edit((d) => setField(d, f, 0, v))}
                />
              );
            })}
          </div>
          {errorsAt('tiering.weights').map((e) => (
            <p key={e} className="field-error">⚠ {e}</p>
          ))}
          <div className="field">
            <label htmlFor="cut-mode">{t('quarter.cutMode')}</label>
            <select
              id="cut-mode"
              value={rule.cutoffs.mode}
              disabled={Boolean(lock)}
              onChange={(e) =>
                edit((d) => {
                  d.tiering.cutoffs = e.target.value === 'score' ? { mode: 'score', thresholds: defaultThresholds(k) } : { mode: 'share', shares: evenShares(k) };
                })
              }
            >
              <option value="share">{t('quarter.cutShare')}</option>
              <option value="score">{t('quarter.cutScore')}</option>
            </select>
          </div>
          {rule.cutoffs.mode === 'score' && (
            <div className="field-grid">
              {rule.cutoffs.thresholds.map((x, i) => (
                <NumberField
                  key={i}
                  label={t('quarter.threshold', { upper: tierName(i), lower: tierName(i + 1) })}
                  value={x}
                  min={controlOf(THRESHOLD, ctx).min}
                  max={controlOf(THRESHOLD, ctx).max}
                  step={controlOf(THRESHOLD, ctx).step}
                  disabled={Boolean(lock)}
                  errors={errorsAt(`tiering.cutoffs.thresholds.${i}`)}
                  onChange={(v) => edit((d) => void (d.tiering.cutoffs.mode === 'score' && setField(d, THRESHOLD, i, v)))}
                />
              ))}
            </div>
          )}
        </>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('quarter.previewCaption')}>
      <table className="data tier-preview" data-testid="tier-preview">
        <caption>{t('quarter.previewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('quarter.tier')}</th>
            {k > 1 && rule.cutoffs.mode === 'share' && <th scope="col">{t('quarter.share')}</th>}
            <th scope="col" className="num">{t('quarter.customersInTier')}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: k }, (_, i) => (
            <tr key={i}>
              <th scope="row">{tierName(i)}</th>
              {k > 1 && rule.cutoffs.mode === 'share' && (
                <td>
                  <NumberField
                    label={t('quarter.shareOf', { tier: tierName(i) })}
                    hideLabel
                    ariaLabel={t('quarter.shareOf', { tier: tierName(i) })}
                    value={Math.round((rule.cutoffs.shares[i] ?? 0) * 1000) / 10}
                    min={controlOf(SHARE, ctx).min}
                    max={controlOf(SHARE, ctx).max}
                    step={controlOf(SHARE, ctx).step}
                    unit="%"
                    disabled={Boolean(lock)}
                    errors={errorsAt(`tiering.cutoffs.shares.${i}`)}
                    onChange={(v) => edit((d) => setShare(d, i, v / controlOf(SHARE, ctx).scale))}
                  />
                </td>
              )}
              <td className="num">
                {counts[i] !== undefined ? fmtNumber(counts[i], lang, { full: true }) : '…'}
                {total > 0 && counts[i] !== undefined && <span className="muted"> ({fmtNumber((counts[i] / total) * 100, lang, { digits: 0 })}%)</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {errorsAt('tiering.cutoffs.shares').map((e) => (
        <p key={e} className="field-error">⚠ {e}</p>
      ))}
      {k > 1 && (
        <>
          <Toggle
            label={t('quarter.oneVote')}
            checked={oneVote}
            disabled={Boolean(lock)}
            onChange={(on) =>
              edit((d) => {
                if (on) d.tiering.topIfRevenueAbove = sc.initialDecisions.tiering.topIfRevenueAbove ?? niceStep(sc.firm.budget.base) * 100;
                else delete d.tiering.topIfRevenueAbove;
              })
            }
          />
          {oneVote && (
            <NumberField
              label={t('quarter.oneVoteAbove')}
              value={rule.topIfRevenueAbove ?? 0}
              min={controlOf(ONE_VOTE, ctx, rule.topIfRevenueAbove).min}
              max={controlOf(ONE_VOTE, ctx, rule.topIfRevenueAbove).max}
              step={controlOf(ONE_VOTE, ctx, rule.topIfRevenueAbove).step}
              unit={currencySymbol(sc.currency, lang)}
              disabled={Boolean(lock)}
              errors={errorsAt('tiering.topIfRevenueAbove')}
              onChange={(v) => edit((d) => setField(d, ONE_VOTE, 0, v))}
            />
          )}
        </>
      )}
    </fieldset>
  );
}
