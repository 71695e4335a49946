/**
 * The database's charts: the value grid (revenue x estimated influence), whose cells filter
 * the table, and the Pareto curve of revenue. Both from the worker's `analytics`.
 */
import './messages'; // registers the 'database' messages (they load with this screen)
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerAnalytics } from '../../worker/protocol';
import { ParetoChart, ValueGrid } from '../charts/index';
import { fmtMoney } from '../format';
import { fmtInfluence, type CellContext } from './columns';
import type { GridCell } from './valueCell';

interface Props {
  analytics: CustomerAnalytics;
  ctx: CellContext;
  cell: GridCell | null;
  onCell: (cell: GridCell | null) => void;
}

export function DatabaseCharts({ analytics, ctx, cell, onCell }: Props) {
  const { t } = useTranslation('database');
  const id = useId();
  const { lang, currency } = ctx;
  return (
    <section className="db-charts" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('charts.heading')}</h2>
      <div className="db-chart-row">
        <div className="card db-chart" aria-labelledby={`${id}-vg`} role="group">
          <h3 id={`${id}-vg`}>{t('charts.valueGrid')}</h3>
          <p className="muted db-chart-help">{t('charts.valueGridHelp')}</p>
          <ValueGrid
            lang={lang}
            grid={analytics.grid}
            formatRevenue={(v) => fmtMoney(v, currency, lang)}
            formatInfluence={(v) => fmtInfluence(v, lang)}
            selected={cell}
            onSelect={(row, col) => onCell(cell?.row === row && cell.col === col ? null : { row, col })}
          />
        </div>
        <div className="card db-chart" aria-labelledby={`${id}-pa`} role="group">
          <h3 id={`${id}-pa`}>{t('charts.pareto')}</h3>
          <ParetoChart lang={lang} pareto={analytics.pareto} shareFor80={analytics.shareFor80} />
        </div>
      </div>
    </section>
  );
}
