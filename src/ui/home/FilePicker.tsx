/**
 * A file picker that speaks the learner's language: the browser's own file input says "Choose
 * File / No file chosen" in the browser's language whatever the page's, so it is visually hidden
 * (still focusable: Enter or Space opens the dialog) under a button-like label of our own.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, FileIcon } from '../shell/icons';

/**
 * `chosen`: what was picked, in words (null: nothing yet); `chosenTestId` marks it once there is
 * one. `accept`: the file types offered (JSON by default); `onPickAll`: several files at once.
 */
export function FilePicker({
  id,
  testId,
  prompt,
  chosen,
  chosenTestId,
  onPick,
  onPickAll,
  accept = '.json,application/json',
}: {
  id: string;
  testId: string;
  prompt: string;
  chosen: string | null;
  chosenTestId?: string;
  onPick?: (f: File | undefined) => void;
  onPickAll?: (files: File[]) => void;
  accept?: string;
}) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <span className="file-pick">
      <span id={`${ids}-prompt`}>{prompt}</span>{' '}
      <input
        id={id}
        type="file"
        className="file-input"
        accept={accept}
        multiple={onPickAll !== undefined}
        data-testid={testId}
        aria-labelledby={`${ids}-prompt ${ids}-button`}
        aria-describedby={`${ids}-chosen`}
        onChange={(e) => {
          if (onPickAll) onPickAll(Array.from(e.target.files ?? []));
          else onPick?.(e.target.files?.[0]);
          // The same file picked again (after fixing it) is a new pick.
          e.target.value = '';
        }}
      />
      <label htmlFor={id} id={`${ids}-button`} className="file-button">
        <FileIcon /> {t('home.chooseFile')}
      </label>{' '}
      <span id={`${ids}-chosen`} className={chosen ? 'file-chosen' : 'muted file-chosen'} data-testid={chosen ? chosenTestId : undefined}>
        {chosen ? (
          <>
            <CheckIcon /> {chosen}
          </>
        ) : (
          t('home.noFile')
        )}
      </span>
    </span>
  );
}
