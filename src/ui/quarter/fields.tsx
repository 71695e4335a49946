/**
 * Labelled number and toggle inputs of the decision panel. A field shows the engine's
 * reason when it refuses the value (matched by path), and a lock note when its lever is
 * locked. What the learner types goes to the plan as typed: text that is no number goes as
 * NaN, so the engine refuses the plan and says so beside the field, and the old value never
 * plays on unseen. Leaving the field shows the value the plan holds.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';

export interface FieldProps {
  label: ReactNode;
  /** Screen-reader label when the visible label is a column or row header. */
  ariaLabel?: string;
  value: number;
  onChange: (v: number) => void;
  min: number;
  max?: number;
  step?: number;
  /** Unit or hint after the input. */
  unit?: ReactNode;
  /** The lock note, when the lever is locked. */
  locked?: string | null;
  /** The engine's reasons for this field. */
  errors?: string[];
  testId?: string;
  /** Omit the visible label (in tables, where headers label the cell). */
  hideLabel?: boolean;
  /** Disabled without a note of its own (the row header carries the lock note). */
  disabled?: boolean;
}

export function NumberField({ label, ariaLabel, value, onChange, min, max, step = 1, unit, locked, errors = [], testId, hideLabel, disabled }: FieldProps) {
  const id = useId();
  const shown = (v: number): string => (Number.isNaN(v) ? '' : String(Math.round(v * 1e6) / 1e6));
  const [text, setText] = useState(shown(value));
  useEffect(() => {
    // Only an outside change of `value` resets the text (a NaN is the learner's own unparsable typing).
    if (!Number.isNaN(value) && Number(text) !== value) setText(shown(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const described = [errors.length ? `${id}-err` : '', locked ? `${id}-lock` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errors.length ? ' invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {ariaLabel && hideLabel ? ariaLabel : label}
      </label>
      <span className="field-input">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          value={text}
          min={min}
          max={max}
          step={step}
          disabled={Boolean(locked) || disabled}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={described}
          data-testid={testId}
          onChange={(e) => {
            setText(e.target.value);
            const v = e.target.valueAsNumber;
            onChange(Number.isFinite(v) ? v : Number.NaN);
          }}
          onBlur={() => {
            // A value the draft keeps differently (a share balanced against its neighbour) shows as it is.
            if (!Number.isNaN(value) && Number(text) !== value) setText(shown(value));
          }}
        />
        {unit && <span className="unit">{unit}</span>}
      </span>
      {locked && (
        <span id={`${id}-lock`} className="lock-note">
          {locked}
        </span>
      )}
      {errors.length > 0 && (
        <span id={`${id}-err`} className="field-error">
          ⚠ {errors.join(' ')}
        </span>
      )}
    </div>
  );
}

export function Toggle({ label, checked, onChange, locked, disabled, testId, help }: { label: ReactNode; checked: boolean; onChange: (v: boolean) => void; locked?: string | null; disabled?: boolean; testId?: string; help?: string }) {
  const id = useId();
  const described = [locked ? `${id}-lock` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ');
  return (
    <div className="field toggle">
      <input id={id} type="checkbox" checked={checked} disabled={Boolean(locked) || disabled} data-testid={testId} aria-describedby={described || undefined} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {locked && (
        <span id={`${id}-lock`} className="lock-note">
          {locked}
        </span>
      )}
      {help && (
        <span id={`${id}-help`} className="muted small toggle-help">
          {help}
        </span>
      )}
    </div>
  );
}
