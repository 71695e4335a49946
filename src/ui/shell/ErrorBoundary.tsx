/**
 * A bug in a screen must not leave a blank page: this boundary shows what happened, says
 * that saved games are safe (they are written after every quarter), and offers a way home.
 */
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';

function Fallback({ message, onReset }: { message: string; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="notice error" role="alert" data-testid="screen-error">
      <h1 tabIndex={-1}>{t('shell.crashTitle')}</h1>
      <p>{t('shell.crashBody')}</p>
      <p>
        <code>{message}</code>
      </p>
      <button
        type="button"
        className="primary"
        onClick={() => {
          useStore.getState().go('home');
          onReset();
        }}
      >
        {t('shell.crashHome')}
      </button>
    </section>
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    // Moving to another screen clears the error.
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) return <Fallback message={this.state.error.message} onReset={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
