/** KPI cards: the latest value and its change since the quarter before, with arrow and sign (never colour alone). */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';
import { fmtDelta } from '../format';
import { deltaMode, fmtKpi, kpiById, type KpiId } from './kpis';

const CARDS: KpiId[] = ['operatingProfit', 'revenue', 'customers', 'retention', 'measuredSatisfaction', 'customerEquity', 'measuredEmployeeSatisfaction', 'cash', 'score'];

export function KpiCards({ round, ids = CARDS }: { round?: number; ids?: KpiId[] }) {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const currency = game.scenario.currency;
  const n = round ?? game.summaries.length;
  const now = game.summaries[n - 1];
  const prev = game.summaries[n - 2];
  if (!now) return <p className="muted">{t('kpi.none')}</p>;
  return (
    <ul className="kpi-cards" aria-label={t('kpi.cards')}>
      {ids.map((id) => {
        const def = kpiById(id);
        const v = def.read(now);
        const p = prev ? def.read(prev) : null;
        const d = v !== null && p !== null ? fmtDelta(v, p, deltaMode(def, currency), lang) : null;
        const better = d && d.dir !== 'flat' ? (d.dir === def.better ? t('kpi.better') : t('kpi.worse')) : '';
        return (
          <li key={id} className="kpi-card" data-testid={`kpi-${id}`}>
            <span className="kpi-name">{t(`kpi.name.${id}`)}</span>
            <span className="kpi-value">{fmtKpi(def, v, currency, lang)}</span>
            {v === null ? (
              <span className="delta muted">{t('kpi.notMeasured')}</span>
            ) : d ? (
              <span className={`delta ${d.dir}`}>
                <span aria-hidden="true">{d.arrow} </span>
                {d.text}
                <span className="sr-only">
                  {' '}
                  {t(`kpi.dir.${d.dir}`)} {better}
                </span>
                <span className="muted"> {t('kpi.sinceLast')}</span>
              </span>
            ) : (
              <span className="delta muted">{t('kpi.first')}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
