/**
 * Saves the game as a CSV table for Excel: every quarter's KPIs and decisions, and the
 * hidden truths once the game is over (the worker sends them only then). Placed by the
 * screens that want it.
 */
import './exportsMessages'; // registers the 'exports' messages (they load with this screen)
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';
import { saveTextFile } from '../shell/files';
import { csvFileName, gameCsv, type CsvTranslate } from './csv';

export function ExportCsvButton({ className }: { className?: string }) {
  const { t, i18n } = useTranslation('exports');
  const game = useStore((s) => s.game);
  const lang = useStore((s) => s.lang);
  if (!game) return null;
  const save = () => {
    const fixed = i18n.getFixedT(lang);
    const translate: CsvTranslate = (key, vars) => String(fixed(key as never, vars as never));
    const text = gameCsv(game, lang, translate);
    saveTextFile(text, csvFileName(game), 'text/csv');
  };
  return (
    <button type="button" className={className} data-testid="export-csv" title={t('buttonHint')} disabled={game.summaries.length === 0} onClick={save}>
      {t('button')}
    </button>
  );
}
