import { useTranslation } from 'react-i18next';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import type { StartFailure } from '../../worker/protocol';

/** Why a scenario or run file could not be played: the engine's and the loader's own words, with file, line and path. */
export function FailureDetails({ failure }: { failure: StartFailure }) {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  switch (failure.kind) {
    case 'scenario':
    case 'runFile':
      return (
        <>
          <p>{t(failure.kind === 'scenario' ? 'errors.scenario' : 'errors.runFile', { count: failure.errors.length })}</p>
          <ul data-testid="load-errors">
            {failure.errors.map((e, i) => (
              <li key={i}>
                <strong>
                  {e.file}
                  {e.line > 0 ? `:${e.line}:${e.column}` : ''}
                </strong>
                {e.path && (
                  <>
                    {' '}
                    <code>{e.path}</code>
                  </>
                )}
                {' — '}
                {t('errors.expected', { expected: e.expected, found: e.found })}
              </li>
            ))}
          </ul>
        </>
      );
    case 'refused':
      return (
        <>
          <p>{t('errors.refused', { round: failure.round })}</p>
          <ul data-testid="load-errors">
            {failure.problems.map((p, i) => (
              <li key={i}>
                {p.path && <code>{p.path}</code>} {p.text}
              </li>
            ))}
          </ul>
        </>
      );
    case 'unknownBuiltin':
      return <p data-testid="load-errors">{t('errors.unknownBuiltin', { id: failure.id })}</p>;
    case 'claim':
      return <p data-testid="load-errors">{pickText(failure.message, lang)}</p>;
    default: {
      const never: never = failure;
      return never;
    }
  }
}
