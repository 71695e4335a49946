/** The filters above the customer table: each a labelled control; the worker does the filtering. */
import './messages'; // registers the 'database' messages (they load with this screen)
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGE_NAMES } from '../../sim/state';
import type { CellContext } from './columns';
import { choiceValue, digitsOnly, parseChoice, parseNumberChoice, type FilterState } from './filters';

interface Props {
  filter: FilterState;
  onChange: (next: FilterState) => void;
  /** Clears every filter, the value-grid cell too. */
  onClear: () => void;
  canClear: boolean;
  ctx: CellContext;
  /** A value-grid cell filter, described, or null. */
  cellLabel: string | null;
  onClearCell: () => void;
}

export function FilterBar({ filter, onChange, onClear, canClear, ctx, cellLabel, onClearCell }: Props) {
  const { t } = useTranslation('database');
  const id = useId();
  const set = (patch: Partial<FilterState>) => onChange({ ...filter, ...patch });
  const all = t('filters.all');

  return (
    <fieldset className="db-filters">
      <legend className="sr-only">{t('filters.legend')}</legend>
      <div className="db-field">
        <label htmlFor={`${id}-tier`}>{t('filters.tier')}</label>
        <select id={`${id}-tier`} value={choiceValue(filter.tier)} onChange={(e) => set({ tier: parseChoice(e.target.value) })}>
          <option value="all">{all}</option>
          {ctx.tierNames.map((name, k) => (
            <option key={k} value={k}>
              {name}
            </option>
          ))}
          <option value="lapsed">{t('filters.tierLapsed')}</option>
        </select>
      </div>
      <div className="db-field">
        <label htmlFor={`${id}-status`}>{t('filters.status')}</label>
        <select
          id={`${id}-status`}
          value={choiceValue(filter.status)}
          onChange={(e) => {
            const v = parseNumberChoice(e.target.value);
            set({ status: v === 0 || v === 1 ? v : 'all' });
          }}
        >
          <option value="all">{all}</option>
          <option value="0">{ctx.status[0]}</option>
          <option value="1">{ctx.status[1]}</option>
        </select>
      </div>
      <div className="db-field">
        <label htmlFor={`${id}-stage`}>{t('filters.stage')}</label>
        <select id={`${id}-stage`} value={choiceValue(filter.stage)} onChange={(e) => set({ stage: parseNumberChoice(e.target.value) })}>
          <option value="all">{all}</option>
          {STAGE_NAMES.map((_, k) => (
            <option key={k} value={k}>
              {ctx.stage[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="db-field">
        <label htmlFor={`${id}-source`}>{t('filters.source')}</label>
        <select id={`${id}-source`} value={choiceValue(filter.source)} onChange={(e) => set({ source: parseNumberChoice(e.target.value) })}>
          <option value="all">{all}</option>
          {ctx.source.map((name, k) => (
            <option key={k} value={k}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="db-field">
        <label htmlFor={`${id}-id`}>{t('filters.id')}</label>
        <input
          id={`${id}-id`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          size={8}
          aria-describedby={`${id}-id-hint`}
          value={filter.idPrefix}
          onChange={(e) => set({ idPrefix: digitsOnly(e.target.value) })}
        />
        <span id={`${id}-id-hint`} className="sr-only">
          {t('filters.idHint')}
        </span>
      </div>
      <div className="db-checks">
        <label className="db-check">
          <input type="checkbox" checked={filter.hadFailure} onChange={(e) => set({ hadFailure: e.target.checked })} />
          <span>{t('filters.hadFailure')}</span>
        </label>
        <label className="db-check">
          <input type="checkbox" checked={filter.hadComplaint} onChange={(e) => set({ hadComplaint: e.target.checked })} />
          <span>{t('filters.hadComplaint')}</span>
        </label>
      </div>
      <div className="db-filter-actions">
        <button type="button" onClick={onClear} disabled={!canClear}>
          {t('filters.clear')}
        </button>
      </div>
      {cellLabel && (
        <div className="db-chip">
          <span>{cellLabel}</span>
          <button type="button" onClick={onClearCell} aria-label={t('filters.clearCell')} title={t('filters.clearCell')}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      )}
    </fieldset>
  );
}
