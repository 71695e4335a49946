/**
 * The per-tier levers (a table: one column per tier in use) and the firm-wide levers, row by
 * row from the decision catalogue: labels, units, ranges, steps and locks all come from it.
 */
import type { ReactNode } from 'react';
import type { BooleanField, DecisionSection, NumberField } from '../../sim/decisions/catalogue';
import { pickText } from '../../sim/text';
import { resolveParams } from '../../sim/params';
import { setField } from '../../store/draftOps';
import { useStore } from '../../store/index';
import { currencySymbol, fmtMoney, fmtNumber } from '../format';
import { controlOf, fieldKey, fieldPath, fieldValue, sectionFields, sectionNumbers } from './controls';
import { NumberField as NumberInput, Toggle } from './fields';
import { useDecisions } from './useDecisions';

/** Test ids the browser tests and benchmarks address (the others follow the field's key). */
const TEST_IDS: Readonly<Record<string, string>> = { 'people.hires': 'hires', 'people.trainingSpend': 'training', 'research.employeeSurvey': 'employee-survey', 'research.benchmark': 'buy-benchmark' };
const BENCHMARK = 'research.benchmark';
const testIdOf = (f: NumberField | BooleanField, i: number): string =>
  TEST_IDS[f.id] ?? (f.id === 'research.surveySample.*' ? `survey-${i}` : f.scope === 'tier' ? `lever-${fieldKey(f)}-${i}` : `field-${f.id}`);

/** A number field's input: value, limits and step from the catalogue, the engine's reasons at its path, its lever's lock. */
function FieldInput({ f, i = 0, hideLabel, unit, label }: { f: NumberField; i?: number; hideLabel?: boolean; unit?: ReactNode; label?: string }) {
  const { t, draft, edit, sc, game, errorsAt, lockNote, tierName } = useDecisions();
  const path = fieldPath(f, i);
  const raw = fieldValue(draft, f, i);
  const value = typeof raw === 'number' ? raw : 0;
  const c = controlOf(f, { limits: game.view.limits, budgetBase: sc.firm.budget.base }, value);
  const text = label ?? (f.tierLabel && f.scope === 'tier' ? t(f.tierLabel as 'quarter.sampleOf', { tier: tierName(i) }) : t(f.label as 'quarter.tierCount'));
  const lock = lockNote(f.lever);
  return (
    <NumberInput
      label={text}
      hideLabel={hideLabel}
      ariaLabel={hideLabel ? `${text} · ${tierName(i)}` : undefined}
      value={Math.round(value * c.scale * 1e6) / 1e6}
      min={c.min}
      max={c.max}
      step={c.step}
      unit={unit}
      locked={hideLabel ? null : lock}
      disabled={hideLabel && Boolean(lock)}
      errors={errorsAt(path)}
      testId={testIdOf(f, i)}
      onChange={(v) => edit((d) => setField(d, f, i, v / c.scale))}
    />
  );
}

/** The unit shown after a field's input. */
function useUnit() {
  const { t, currency, lang } = useDecisions();
  return (f: NumberField): ReactNode => {
    switch (f.unit) {
      case 'money':
      case 'moneyPerCustomer':
      case 'revenue':
        return currencySymbol(currency, lang);
      case 'hours':
        return t('quarter.hoursUnit');
      case 'share':
        return '%';
      case 'index':
        return f.lever === 'wages' ? t('quarter.wageUnit') : null;
      default:
        return null;
    }
  };
}

export function TierLeversSection() {
  const { t, draft, lockNote, tierName } = useDecisions();
  const unitOf = useUnit();
  const k = draft.tiers.length;
  return (
    <fieldset className="section">
      <legend>{t('quarter.tierLevers')}</legend>
      <div className="table-scroll">
        <table className="data lever-table">
          <thead>
            <tr>
              <th scope="col">{t('quarter.lever')}</th>
              {Array.from({ length: k }, (_, i) => (
                <th scope="col" key={i}>
                  {tierName(i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sectionNumbers('tierLevers').map((f) => {
              const lock = lockNote(f.lever);
              const unit = unitOf(f);
              return (
                <tr key={f.id}>
                  <th scope="row">
                    {t(f.label as 'quarter.tierCount')}
                    {unit && <span className="muted small"> {unit}</span>}
                    {lock && <span className="lock-note">{lock}</span>}
                  </th>
                  {draft.tiers.map((_, i) => (
                    <td key={i}>
                      <FieldInput f={f} i={i} hideLabel />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('quarter.tierLeversHelp')}</p>
    </fieldset>
  );
}

/** The firm-wide number fields of a section, each with its unit (or `units[id]` instead). */
function SectionFields({ section, units = {} }: { section: DecisionSection; units?: Record<string, ReactNode> }) {
  const unitOf = useUnit();
  return (
    <div className="field-grid">
      {sectionNumbers(section)
        .filter((f) => f.scope === 'firm')
        .map((f) => (
          <FieldInput key={f.id} f={f} unit={units[f.id] ?? unitOf(f)} />
        ))}
    </div>
  );
}

export function PeopleSection() {
  const { t, lang, sc, game, currency } = useDecisions();
  return (
    <fieldset className="section">
      <legend>{t('quarter.people')}</legend>
      <p className="muted">{t('quarter.peopleNow', { n: fmtNumber(game.view.headcount, lang), wage: fmtMoney(sc.firm.wage, currency, lang) })}</p>
      <SectionFields section="people" />
    </fieldset>
  );
}

export function SystemsSection() {
  const { t, lang, game, currency, lockNote } = useDecisions();
  const lock = lockNote('systems');
  const stocks = game.view.stocks.systems as unknown as Record<string, number>;
  const units = Object.fromEntries(
    sectionNumbers('systems').map((f) => [f.id, <span key={f.id} className="muted small">{t('quarter.stock', { v: fmtMoney(stocks[fieldKey(f)] ?? 0, currency, lang) })}</span>]),
  );
  return (
    <fieldset className="section">
      <legend>{t('quarter.systems')}</legend>
      {lock && <p className="lock-note">{lock}</p>}
      <p className="muted">{t('quarter.systemsHelp', { dq: fmtNumber(game.view.dataQuality * 100, lang, { digits: 0 }) })}</p>
      <SectionFields section="systems" units={units} />
    </fieldset>
  );
}

export function ResearchSection() {
  const { t, draft, edit, lockNote, sc, lang, currency } = useDecisions();
  const lock = lockNote('research');
  // The competitor benchmark reports on rival firms: only a firm of a market can buy it.
  const inMarket = useStore((s) => s.market !== null);
  const fields = sectionFields('research').filter((f) => inMarket || f.id !== BENCHMARK);
  const P = resolveParams(sc.model);
  return (
    <fieldset className="section">
      <legend>{t('quarter.research')}</legend>
      {lock && <p className="lock-note">{lock}</p>}
      <p className="muted">{t('quarter.researchHelp')}</p>
      <div className="field-grid">
        {fields.flatMap((f) =>
          f.kind === 'number' && f.scope === 'tier' ? draft.research.surveySample.map((_, i) => <FieldInput key={`${f.id}-${i}`} f={f} i={i} />) : [],
        )}
      </div>
      {fields.map((f) =>
        f.kind === 'boolean' ? (
          <Toggle
            key={f.id}
            label={t(f.label as 'quarter.nps')}
            checked={Boolean(draft.research[fieldKey(f) as 'nps'])}
            disabled={Boolean(lock)}
            testId={TEST_IDS[f.id]}
            help={f.id === BENCHMARK ? t('quarter.benchmarkHelp', { n: fmtNumber(P.survey.benchmarkSample, lang), cost: fmtMoney(P.survey.benchmarkCost, currency, lang) }) : undefined}
            // Not bought, the field is left out of the plan (as in plans made before it existed).
            onChange={(v) =>
              edit((d) => {
                if (f.id === BENCHMARK && !v) delete d.research.benchmark;
                else setField(d, f, 0, v);
              })
            }
          />
        ) : null,
      )}
    </fieldset>
  );
}

export function BrandRecoverySection() {
  const { t, lang, game, currency } = useDecisions();
  const units = { brandSpend: <span className="muted small">{t('quarter.stock', { v: fmtMoney(game.view.stocks.brand, currency, lang) })}</span> };
  return (
    <fieldset className="section">
      <legend>{t('quarter.brandRecovery')}</legend>
      <SectionFields section="brandRecovery" units={units} />
    </fieldset>
  );
}

export function ChoiceCards() {
  const { t, lang, draft, edit, game, errorsAt } = useDecisions();
  const cards = game.view.choices;
  if (cards.length === 0) return null;
  return (
    <section className="section choice-cards" aria-labelledby="cards-title">
      <h2 id="cards-title">{t('quarter.cards')}</h2>
      {cards.map((card) => {
        const chosen = draft.choices.find((c) => c.event === card.id)?.option;
        const open = !(card.options ?? []).some((o) => o.id === chosen);
        return (
          <fieldset key={card.id} id={`card-${card.id}`} className={`card choice-card${open ? ' unanswered' : ''}`} data-testid={`card-${card.id}`} aria-describedby={open ? `card-${card.id}-open` : undefined}>
            <legend>{pickText(card.title, lang)}</legend>
            <p>{pickText(card.text, lang)}</p>
            {open && (
              <p className="card-open" id={`card-${card.id}-open`}>
                {t('quarter.cardOpen')}
              </p>
            )}
            {(card.options ?? []).map((o) => (
              <div className="field toggle" key={o.id}>
                <input
                  type="radio"
                  id={`opt-${card.id}-${o.id}`}
                  name={`card-${card.id}`}
                  value={o.id}
                  checked={chosen === o.id}
                  onChange={() =>
                    edit((d) => {
                      const c = d.choices.find((x) => x.event === card.id);
                      if (c) c.option = o.id;
                      else d.choices.push({ event: card.id, option: o.id });
                    })
                  }
                />
                <label htmlFor={`opt-${card.id}-${o.id}`}>{pickText(o.label, lang)}</label>
              </div>
            ))}
          </fieldset>
        );
      })}
      {draft.choices.flatMap((_, i) => [...errorsAt(`choices.${i}.event`), ...errorsAt(`choices.${i}.option`)]).map((e) => (
        <p key={e} className="field-error">⚠ {e}</p>
      ))}
    </section>
  );
}
