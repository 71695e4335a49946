import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';
import { FailureDetails, IssueList } from './FailureDetails';

/** The current notice: what went wrong (and that nothing saved was lost), or what was done. */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useStore((s) => s.notice);
  const dismiss = useStore((s) => s.dismiss);
  if (!notice) return null;
  // Done: a status; another tab's game: a warning (nothing went wrong, nothing was lost); the rest: errors.
  const isDone = notice.kind === 'imported' || notice.kind === 'repaired';
  const isWarning = notice.kind === 'openElsewhere' || notice.kind === 'forked';
  let body;
  switch (notice.kind) {
    case 'startFailed':
      body = (
        <>
          <h2>{t('errors.startTitle')}</h2>
          <FailureDetails failure={notice.failure} />
        </>
      );
      break;
    case 'importFailed':
      body = (
        <>
          <h2>{t('errors.importTitle', { file: notice.fileName })}</h2>
          <FailureDetails failure={notice.failure} />
          <p>{t('errors.nothingChanged')}</p>
        </>
      );
      break;
    case 'fileUnreadable':
      body = <p data-testid="load-errors">{t('errors.unreadable', { file: notice.fileName })}</p>;
      break;
    case 'fileRejected':
      body = (
        <>
          <h2>{t('errors.fileRejected', { file: notice.fileName })}</h2>
          <IssueList errors={notice.errors} />
          <p>{t('errors.nothingChanged')}</p>
        </>
      );
      break;
    case 'saveMissing':
      body = <p>{t('errors.saveMissing')}</p>;
      break;
    case 'saveDamaged':
      body = <p>{t('errors.saveDamaged')}</p>;
      break;
    case 'openElsewhere':
      body = <p data-testid="tab-notice">{t(notice.why === 'resume' ? 'errors.openElsewhereResume' : 'errors.openElsewhereImport')}</p>;
      break;
    case 'forked':
      body = <p data-testid="tab-notice">{t('errors.forked')}</p>;
      break;
    case 'repaired':
      body = <p>{t('errors.repaired')}</p>;
      break;
    case 'storageFailed':
      body = <p>{t('errors.storage', { message: notice.message })}</p>;
      break;
    case 'bug':
      body = <p>{t('errors.bug', { message: notice.message })}</p>;
      break;
    case 'imported':
      body = <p>{t('errors.imported', { file: notice.title })}</p>;
      break;
    default: {
      const never: never = notice;
      body = never;
    }
  }
  return (
    <section className={`notice notice-bar${isDone || isWarning ? '' : ' error'}`} role={isDone ? 'status' : 'alert'} data-testid="notice">
      <div className="row">
        <div>{body}</div>
        <button type="button" onClick={dismiss}>
          {t('shell.dismiss')}
        </button>
      </div>
    </section>
  );
}
