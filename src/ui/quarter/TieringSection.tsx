/** The tiering rule (C19, C24): how many tiers, the score's weights, the cut-offs and the one-vote rule, with the preview of each tier's size. */
import type { TieringWeights } from '../../sim/config';
import { evenShares, setShare, setTierCount } from '../../store/draftOps';
import { fmtNumber } from '../format';
import { NumberField, Toggle, niceStep } from './fields';
import { useDecisions } from './useDecisions';

const DIMS: (keyof TieringWeights)[] = ['revenue', 'margin', 'influence', 'potential', 'tenure'];

/** Falling score thresholds for `k` tiers: 2, 1, 0.5, ... times the firm's mean score. */
function defaultThresholds(k: number): number[] {
  return Array.from({ length: k - 1 }, (_, i) => 2 / 2 ** i);
}

export function TieringSection() {
  const { t, lang, draft, edit, preview, sc, errorsAt, lockNote, tierName } = useDecisions();
  const lock = lockNote('tiering');
  const rule = draft.tiering;
  const k = rule.tierCount;
  const counts = preview?.use.tierCounts ?? [];
  const total = counts.reduce((a, b) => a + b, 0);
  const oneVote = rule.topIfRevenueAbove !== undefined;
  return (
    <fieldset className="section">
      <legend>{t('quarter.tiering')}</legend>
      {lock && <p className="lock-note">{lock}</p>}
      <p className="muted">{t('quarter.tieringHelp')}</p>
      <div className="field">
        <label htmlFor="tier-count">{t('quarter.tierCount')}</label>
        <select id="tier-count" value={k} disabled={Boolean(lock)} data-testid="tier-count" onChange={(e) => edit((d) => setTierCount(d, Number(e.target.value)))}>
          {sc.tiers.map((_, i) => (
            <option key={i} value={i + 1}>
              {i === 0 ? t('quarter.oneTier') : t('quarter.nTiers', { n: i + 1 })}
            </option>
          ))}
        </select>
      </div>
      {k > 1 && (
        <>
          <h3>{t('quarter.weights')}</h3>
          <div className="field-grid">
            {DIMS.map((dim) => (
              <NumberField
                key={dim}
                label={t(`quarter.dim.${dim}`)}
                value={rule.weights[dim]}
                min={0}
                max={100}
                step={1}
                disabled={Boolean(lock)}
                errors={errorsAt(`tiering.weights.${dim}`)}
                onChange={(v) => edit((d) => void (d.tiering.weights[dim] = v))}
              />
            ))}
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
                  min={0}
                  step={0.05}
                  disabled={Boolean(lock)}
                  errors={errorsAt(`tiering.cutoffs.thresholds.${i}`)}
                  onChange={(v) => edit((d) => void (d.tiering.cutoffs.mode === 'score' && (d.tiering.cutoffs.thresholds[i] = v)))}
                />
              ))}
            </div>
          )}
        </>
      )}
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
                    min={0}
                    max={100}
                    step={0.5}
                    unit="%"
                    disabled={Boolean(lock)}
                    errors={errorsAt(`tiering.cutoffs.shares.${i}`)}
                    onChange={(v) => edit((d) => setShare(d, i, v / 100))}
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
              min={0}
              step={niceStep(rule.topIfRevenueAbove ?? 1000)}
              unit={sc.currency}
              disabled={Boolean(lock)}
              errors={errorsAt('tiering.topIfRevenueAbove')}
              onChange={(v) => edit((d) => void (d.tiering.topIfRevenueAbove = v))}
            />
          )}
        </>
      )}
    </fieldset>
  );
}
