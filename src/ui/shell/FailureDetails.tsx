import { useTranslation } from 'react-i18next';
import type { ScenarioIssue } from '../../scenario/load';
import type { StartFailure } from '../../worker/protocol';

/** Problems in a file, each with its file, line, column and field, and what was expected and found. */
export function IssueList({ errors }: { errors: readonly ScenarioIssue[] }) {
  const { t } = useTranslation();
  return (
    <ul data-testid="load-errors">
      {errors.map((e, i) => (
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
          {e.expected || e.found ? t('errors.expected', { expected: e.expected, found: e.found }) : e.message}
        </li>
      ))}
    </ul>
  );
}

/** Why a scenario or run file could not be played: the engine's and the loader's own words, with file, line and path. */
export function FailureDetails({ failure }: { failure: StartFailure }) {
  const { t } = useTranslation();
  switch (failure.kind) {
    case 'scenario':
    case 'runFile':
      return (
        <>
          <p>{t(failure.kind === 'scenario' ? 'errors.scenario' : 'errors.runFile', { count: failure.errors.length })}</p>
          <IssueList errors={failure.errors} />
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
    default: {
      const never: never = failure;
      return never;
    }
  }
}
