/**
 * Charts of every KPI over the quarters: pick a KPI, for the firm or by tier, with the
 * reference strategies played on the same scenario and seed as faint ghost lines (only the
 * quarters the learner has played, until the game is over). Lazy chunk (the chart code is
 * not in the first screen's JavaScript).
 */
import '../compare/messages'; // registers the 'compare' messages (they load with this screen)
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyId } from '../../policies/index';
import { useStore } from '../../store/index';
import { useReferences } from '../../store/references';
import { LineChart, type LineSeries } from '../charts/LineChart';
import type { RoundSummary } from '../../worker/protocol';
import { REFERENCE_POLICIES, type ReferencePolicyId, type ReferenceRun } from '../../worker/referenceProtocol';
import { fmtKpi, KPIS, kpiById, type KpiId } from './kpis';
import { tierName } from './tierName';

/** The series of one KPI over the quarters played: the firm, or one line per tier ever in use. */
export function kpiSeries(id: KpiId, byTier: boolean, summaries: readonly RoundSummary[], names: { firm: string; tier: (i: number) => string }): LineSeries[] {
  const def = kpiById(id);
  const readTier = def.readTier;
  if (!byTier || !readTier) return [{ id: 'firm', name: names.firm, values: summaries.map((x) => def.read(x)) }];
  const maxTiers = Math.max(1, ...summaries.map((x) => x.tiers.length));
  return Array.from({ length: maxTiers }, (_, t) => ({ id: `t${t}`, name: names.tier(t), values: summaries.map((x) => (t < x.tiers.length ? readTier(x, t) : null)) }));
}

/**
 * One ghost line per reference run: the KPI in each quarter it played. During the game only the
 * quarters the learner has `played` (the references' future stays hidden); once `finished`,
 * every quarter of each run.
 */
export function referenceSeries(runs: readonly ReferenceRun[], id: KpiId, played: number, finished: boolean, names: (policy: PolicyId) => string): LineSeries[] {
  const def = kpiById(id);
  return runs.map((r) => ({
    id: r.policy,
    name: names(r.policy),
    values: (finished ? r.summaries : r.summaries.slice(0, Math.max(0, played))).map((x) => def.read(x)),
  }));
}

const isReference = (p: PolicyId): p is ReferencePolicyId => (REFERENCE_POLICIES as readonly string[]).includes(p);

/**
 * The chart of one KPI. With `references`, the firm-level chart (not by tier) also draws the
 * reference strategies as ghost lines once they have all been played.
 */
export function KpiChart({ id, byTier, height, references = false }: { id: KpiId; byTier: boolean; height?: number; references?: boolean }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('compare');
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const runs = useReferences((s) => (s.status === 'done' ? s.runs : null));
  const def = kpiById(id);
  // A line per tier ever in use, named as with that many tiers (one tier all game: all customers).
  const maxTiers = Math.max(1, ...game.summaries.map((x) => x.tiers.length));
  const series = kpiSeries(id, byTier, game.summaries, { firm: t('report.firm'), tier: (i) => tierName(game.scenario, i, maxTiers, lang) });
  const ghosts =
    references && !byTier && runs && runs.length > 0
      ? referenceSeries(runs, id, game.summaries.length, game.view.status !== 'running', (p) => (isReference(p) ? tc(`policy.${p}`) : p))
      : [];
  return (
    <LineChart
      // By tier, profit is each tier's profit after cost to serve (operating profit is the firm's only).
      title={byTier && id === 'operatingProfit' ? t('report.row.profit') : t(`kpi.name.${id}`)}
      lang={lang}
      series={series}
      references={ghosts}
      format={(v) => fmtKpi(def, v, game.scenario.currency, lang)}
      bounds={def.bounds}
      height={height ?? 260}
      firstQuarter={1}
    />
  );
}

export default function KpiCharts() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('compare');
  const [id, setId] = useState<KpiId>('operatingProfit');
  const [byTier, setByTier] = useState(false);
  const selectId = useId();
  const tierId = useId();
  const refId = useId();
  const played = useStore((s) => s.game?.summaries.length ?? 0);
  // In a market the solo reference strategies are no yardstick: the rivals are the other firms.
  const inMarket = useStore((s) => s.market !== null);
  const show = useReferences((s) => s.show) && !inMarket;
  const setShow = useReferences((s) => s.setShow);
  const refStatus = useReferences((s) => s.status);
  const refDone = useReferences((s) => s.runs.length);
  const def = kpiById(id);
  const refNote =
    refStatus === 'running' ? tc('showComputing', { done: refDone, total: REFERENCE_POLICIES.length }) : refStatus === 'failed' ? tc('showFailed') : null;
  return (
    <section className="card" aria-labelledby={`${selectId}-h`}>
      <h2 id={`${selectId}-h`}>{t('charts.title')}</h2>
      <div className="row">
        <label htmlFor={selectId}>{t('charts.kpi')}</label>
        <select id={selectId} value={id} data-testid="chart-kpi" onChange={(e) => setId(e.target.value as KpiId)}>
          {KPIS.map((k) => (
            <option key={k.id} value={k.id}>
              {t(`kpi.name.${k.id}`)}
            </option>
          ))}
        </select>
        <input id={tierId} type="checkbox" checked={byTier && Boolean(def.readTier)} disabled={!def.readTier} onChange={(e) => setByTier(e.target.checked)} />
        <label htmlFor={tierId}>{t('charts.byTier')}</label>
        {/* One label around the box and its text: they wrap to the next line together. */}
        {!inMarket && <label htmlFor={refId}>
          <input
            id={refId}
            type="checkbox"
            data-testid="chart-references"
            checked={show}
            disabled={refStatus !== 'done'}
            aria-describedby={refNote ? `${refId}-note` : undefined}
            onChange={(e) => setShow(e.target.checked)}
          />{' '}
          {tc('show')}
        </label>}
        {!inMarket && refNote ? (
          <span id={`${refId}-note`} className="muted">
            {refNote}
          </span>
        ) : null}
      </div>
      {played === 0 ? <p className="muted">{t('kpi.none')}</p> : <KpiChart id={id} byTier={byTier && Boolean(def.readTier)} references={show} />}
    </section>
  );
}
