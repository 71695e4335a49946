import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';
import { fmtMoney, fmtNumber } from '../format';

/** Announces each quarter's result to screen readers (a polite live region). */
export function Announcer() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const last = useStore((s) => s.game?.summaries.at(-1) ?? null);
  const currency = useStore((s) => s.game?.scenario.currency ?? 'CNY');
  const text = last
    ? t('shell.announce', {
        n: last.round,
        profit: fmtMoney(last.finance.operatingProfit, currency, lang),
        revenue: fmtMoney(last.firm.revenue, currency, lang),
        customers: fmtNumber(last.firm.customers, lang),
        score: fmtNumber(last.score, lang),
      })
    : '';
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="announcer">
      {text}
    </div>
  );
}
