/** Leaves the market on this screen (the console or a team's device), after asking; the saved market stays. */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';

export function LeaveMarketButton() {
  const { t } = useTranslation('market');
  return (
    <button
      type="button"
      data-testid="market-leave"
      onClick={() => {
        if (window.confirm(t('console.leaveConfirm'))) useStore.getState().leaveMarket();
      }}
    >
      {t('console.leave')}
    </button>
  );
}
