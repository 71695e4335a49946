/**
 * Charts of every KPI over the quarters: pick a KPI, for the firm or by tier. Lazy chunk (the
 * chart code is not in the first screen's JavaScript).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import { LineChart, type LineSeries } from '../charts/LineChart';
import type { RoundSummary } from '../../worker/protocol';
import { fmtKpi, KPIS, kpiById, type KpiId } from './kpis';

/** The series of one KPI over the quarters played: the firm, or one line per tier ever in use. */
export function kpiSeries(id: KpiId, byTier: boolean, summaries: readonly RoundSummary[], names: { firm: string; tier: (i: number) => string }): LineSeries[] {
  const def = kpiById(id);
  const readTier = def.readTier;
  if (!byTier || !readTier) return [{ id: 'firm', name: names.firm, values: summaries.map((x) => def.read(x)) }];
  const maxTiers = Math.max(1, ...summaries.map((x) => x.tiers.length));
  return Array.from({ length: maxTiers }, (_, t) => ({ id: `t${t}`, name: names.tier(t), values: summaries.map((x) => (t < x.tiers.length ? readTier(x, t) : null)) }));
}

export function KpiChart({ id, byTier, height }: { id: KpiId; byTier: boolean; height?: number }) {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const def = kpiById(id);
  const series = kpiSeries(id, byTier, game.summaries, { firm: t('report.firm'), tier: (i) => pickText(game.scenario.tiers[i]?.name, lang) });
  return <LineChart title={t(`kpi.name.${id}`)} lang={lang} series={series} format={(v) => fmtKpi(def, v, game.scenario.currency, lang)} height={height ?? 260} firstQuarter={1} />;
}

export default function KpiCharts() {
  const { t } = useTranslation();
  const [id, setId] = useState<KpiId>('operatingProfit');
  const [byTier, setByTier] = useState(false);
  const selectId = useId();
  const tierId = useId();
  const played = useStore((s) => s.game?.summaries.length ?? 0);
  const def = kpiById(id);
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
      </div>
      {played === 0 ? <p className="muted">{t('kpi.none')}</p> : <KpiChart id={id} byTier={byTier && Boolean(def.readTier)} />}
    </section>
  );
}
