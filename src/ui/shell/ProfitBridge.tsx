/**
 * The table from the tiers' profit after cost to serve to operating profit (one quarter, with
 * its tiers) or from the customers' profit to operating profit (the whole game). The rows and
 * their figures are `bridgeRows`' (the worker's books, rounded so the column adds up).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import type { ProfitBridge as Bridge } from '../../worker/protocol';
import { fmtMoney } from '../format';
import { bridgeRows, type BridgeRow } from './bridgeRows';

interface Props {
  bridges: readonly Bridge[];
  /** One quarter's tier profits (the tiers in use then); null: the whole game, the customers in one row. */
  tierProfits: readonly number[] | null;
  /** The table's caption (visible). */
  caption: string;
  testId?: string;
}

export function ProfitBridge({ bridges, tierProfits, caption, testId }: Props) {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const sc = useStore((s) => s.game)!.scenario;
  const id = useId();
  const rows = bridgeRows(bridges, tierProfits);
  const game = tierProfits === null;
  const money = (v: number) => fmtMoney(v, sc.currency, lang, { full: true });
  const label = (r: BridgeRow): string => {
    switch (r.kind) {
      case 'tier':
        return t('books.tier', { tier: tierProfits && tierProfits.length === 1 ? t('report.firm') : pickText(sc.tiers[r.tier]?.name, lang) });
      case 'customers':
        return t(game ? 'books.customersGame' : tierProfits.length === 1 ? 'books.customersOne' : 'books.customers');
      case 'line':
        return t(`books.line.${r.id === 'idleWages' && r.value > 0 ? 'idleWagesOver' : r.id}`);
      case 'operatingProfit':
        return t(game ? 'books.operatingProfitGame' : 'books.operatingProfit');
    }
  };
  // One tier: its row is the sum already.
  const shown = tierProfits && tierProfits.length === 1 ? rows.filter((r) => r.kind !== 'tier') : rows;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
      <table className="data bridge" data-testid={testId}>
        <caption id={id} className="muted small">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('books.item')}</th>
            <th scope="col" className="num">{t('books.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => {
            const total = r.kind === 'customers' || r.kind === 'operatingProfit';
            const key = r.kind === 'tier' ? `t${r.tier}` : r.kind === 'line' ? r.id : r.kind;
            return (
              <tr key={key} data-row={key} className={total ? 'bridge-total' : undefined}>
                <th scope="row">{total ? <strong>{label(r)}</strong> : label(r)}</th>
                <td className="num" data-value={r.shown}>{total ? <strong>{money(r.shown)}</strong> : money(r.shown)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">{t('books.rounding')}</p>
    </div>
  );
}
