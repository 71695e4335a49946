import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';
import { FailureDetails } from './FailureDetails';

/** The current notice: what went wrong (and that nothing saved was lost), or what was done. */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useStore((s) => s.notice);
  const dismiss = useStore((s) => s.dismiss);
  if (!notice) return null;
  const isError = notice.kind !== 'imported';
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
    case 'saveMissing':
      body = <p>{t('errors.saveMissing')}</p>;
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
    <section className={`notice notice-bar${isError ? ' error' : ''}`} role={isError ? 'alert' : 'status'} data-testid="notice">
      <div className="row">
        <div>{body}</div>
        <button type="button" onClick={dismiss}>
          {t('shell.dismiss')}
        </button>
      </div>
    </section>
  );
}
