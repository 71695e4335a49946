/**
 * A bug in a screen must not leave a blank page: this boundary shows what happened, says
 * that saved games are safe (they are written after every quarter), and offers a way home.
 * The way home never loops: if home itself crashed, it opens home without the saved games
 * (what home shows that a stored record could break), and if even that crashed, it offers to
 * reload the page instead. Screens may pass their own `fallback` (the saved-games list does).
 */
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';

/** Where "Back to home" leads after a crash: the screen to leave, a home without the saved games, or a reload. */
type Way = 'home' | 'safeHome' | 'reload';

function wayOut(): Way {
  const s = useStore.getState();
  const onHome = s.game === null || s.screen === 'home';
  if (!onHome) return 'home';
  return s.safeHome ? 'reload' : 'safeHome';
}

function Fallback({ message, onReset }: { message: string; onReset: () => void }) {
  const { t } = useTranslation();
  const way = wayOut();
  return (
    <section className="notice error" role="alert" data-testid="screen-error" data-way={way}>
      <h1 tabIndex={-1}>{t('shell.crashTitle')}</h1>
      <p>{way === 'home' ? t('shell.crashBody') : way === 'safeHome' ? t('shell.crashBodyHome') : t('shell.crashBodyReload')}</p>
      <p>
        <code>{message}</code>
      </p>
      <button
        type="button"
        className="primary"
        data-testid="crash-home"
        onClick={() => {
          if (way === 'reload') {
            location.reload();
            return;
          }
          if (way === 'safeHome') useStore.getState().setSafeHome(true);
          else useStore.getState().go('home');
          onReset();
        }}
      >
        {way === 'reload' ? t('shell.crashReload') : t('shell.crashHome')}
      </button>
    </section>
  );
}

interface Props {
  children: ReactNode;
  /** Moving to another screen (another key) clears the error. */
  resetKey: string;
  /** What to show instead of the default screen fallback, given the error's message and a way to try again. */
  fallback?: (message: string, retry: () => void) => ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(prev: Props) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    const error = this.state.error;
    if (!error) return this.props.children;
    const reset = () => this.setState({ error: null });
    const message = error.message || String(error);
    return this.props.fallback ? this.props.fallback(message, reset) : <Fallback message={message} onReset={reset} />;
  }
}
