/** The per-tier levers (a table: one column per tier in use) and the firm-wide levers. */
import type { Lever, SystemsSpend, TierDecision } from '../../sim/config';
import { pickText } from '../../sim/text';
import { fmtMoney, fmtNumber } from '../format';
import { NumberField, Toggle, niceStep } from './fields';
import { useDecisions } from './useDecisions';

type TierField = keyof TierDecision;
const TIER_ROWS: { field: TierField; lever: Lever; kind: 'money' | 'hours' | 'index' }[] = [
  { field: 'serviceHours', lever: 'service', kind: 'hours' },
  { field: 'relationshipSpend', lever: 'relationship', kind: 'money' },
  { field: 'priceIndex', lever: 'price', kind: 'index' },
  { field: 'retentionBudget', lever: 'retention', kind: 'money' },
  { field: 'acquisitionSpend', lever: 'acquisition', kind: 'money' },
  { field: 'winBackSpend', lever: 'winBack', kind: 'money' },
];

export function TierLeversSection() {
  const { t, draft, edit, sc, errorsAt, lockNote, tierName, currency } = useDecisions();
  const k = draft.tiers.length;
  const moneyStep = niceStep(sc.firm.budget.base / 10);
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
            {TIER_ROWS.map((row) => {
              const lock = lockNote(row.lever);
              return (
                <tr key={row.field}>
                  <th scope="row">
                    {t(`quarter.field.${row.field}`)}
                    <span className="muted small"> {row.kind === 'money' ? currency : row.kind === 'hours' ? t('quarter.hoursUnit') : ''}</span>
                    {lock && <span className="lock-note">{lock}</span>}
                  </th>
                  {draft.tiers.map((x, i) => (
                    <td key={i}>
                      <NumberField
                        label={t(`quarter.field.${row.field}`)}
                        hideLabel
                        ariaLabel={`${t(`quarter.field.${row.field}`)} · ${tierName(i)}`}
                        value={x[row.field]}
                        min={row.kind === 'index' ? 0.5 : 0}
                        max={row.kind === 'index' ? 1.5 : undefined}
                        step={row.kind === 'index' ? 0.01 : row.kind === 'hours' ? 0.5 : row.field === 'relationshipSpend' ? niceStep(x.relationshipSpend || 100) : moneyStep}
                        disabled={Boolean(lock)}
                        errors={errorsAt(`tiers.${i}.${row.field}`)}
                        testId={`lever-${row.field}-${i}`}
                        onChange={(v) => edit((d) => void (d.tiers[i]![row.field] = v))}
                      />
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

export function PeopleSection() {
  const { t, lang, draft, edit, sc, errorsAt, lockNote, game, currency } = useDecisions();
  const p = draft.people;
  return (
    <fieldset className="section">
      <legend>{t('quarter.people')}</legend>
      <p className="muted">{t('quarter.peopleNow', { n: fmtNumber(game.view.headcount, lang), wage: fmtMoney(sc.firm.wage, currency, lang) })}</p>
      <div className="field-grid">
        <NumberField label={t('quarter.field.hires')} value={p.hires} min={0} step={1} locked={lockNote('people')} errors={errorsAt('people.hires')} testId="hires" onChange={(v) => edit((d) => void (d.people.hires = Math.round(v)))} />
        <NumberField label={t('quarter.field.layoffs')} value={p.layoffs} min={0} step={1} locked={lockNote('people')} errors={errorsAt('people.layoffs')} onChange={(v) => edit((d) => void (d.people.layoffs = Math.round(v)))} />
        <NumberField label={t('quarter.field.wageIndex')} value={p.wageIndex} min={0.5} max={2} step={0.01} unit={t('quarter.wageUnit')} locked={lockNote('wages')} errors={errorsAt('people.wageIndex')} onChange={(v) => edit((d) => void (d.people.wageIndex = v))} />
        <NumberField label={t('quarter.field.trainingSpend')} value={p.trainingSpend} min={0} step={niceStep(sc.firm.budget.base / 10)} unit={currency} locked={lockNote('training')} errors={errorsAt('people.trainingSpend')} testId="training" onChange={(v) => edit((d) => void (d.people.trainingSpend = v))} />
      </div>
    </fieldset>
  );
}

const MODULES: (keyof SystemsSpend)[] = ['salesAutomation', 'marketingAutomation', 'serviceDesk', 'dataPlatform'];

export function SystemsSection() {
  const { t, lang, draft, edit, sc, errorsAt, lockNote, game, currency } = useDecisions();
  const lock = lockNote('systems');
  return (
    <fieldset className="section">
      <legend>{t('quarter.systems')}</legend>
      {lock && <p className="lock-note">{lock}</p>}
      <p className="muted">{t('quarter.systemsHelp', { dq: fmtNumber(game.view.dataQuality * 100, lang, { digits: 0 }) })}</p>
      <div className="field-grid">
        {MODULES.map((m) => (
          <NumberField
            key={m}
            label={t(`quarter.module.${m}`)}
            value={draft.systems[m]}
            min={0}
            step={niceStep(sc.firm.budget.base / 10)}
            unit={<span className="muted small">{t('quarter.stock', { v: fmtMoney(game.view.stocks.systems[m], currency, lang) })}</span>}
            disabled={Boolean(lock)}
            errors={errorsAt(`systems.${m}`)}
            onChange={(v) => edit((d) => void (d.systems[m] = v))}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function ResearchSection() {
  const { t, draft, edit, errorsAt, lockNote, tierName } = useDecisions();
  const lock = lockNote('research');
  const r = draft.research;
  return (
    <fieldset className="section">
      <legend>{t('quarter.research')}</legend>
      {lock && <p className="lock-note">{lock}</p>}
      <p className="muted">{t('quarter.researchHelp')}</p>
      <div className="field-grid">
        {r.surveySample.map((n, i) => (
          <NumberField
            key={i}
            label={t('quarter.sampleOf', { tier: tierName(i) })}
            value={n}
            min={0}
            step={10}
            disabled={Boolean(lock)}
            errors={errorsAt(`research.surveySample.${i}`)}
            testId={`survey-${i}`}
            onChange={(v) => edit((d) => void (d.research.surveySample[i] = Math.max(0, Math.round(v))))}
          />
        ))}
      </div>
      <Toggle label={t('quarter.nps')} checked={r.nps} disabled={Boolean(lock)} onChange={(v) => edit((d) => void (d.research.nps = v))} />
      <Toggle label={t('quarter.employeeSurvey')} checked={r.employeeSurvey} disabled={Boolean(lock)} testId="employee-survey" onChange={(v) => edit((d) => void (d.research.employeeSurvey = v))} />
    </fieldset>
  );
}

export function BrandRecoverySection() {
  const { t, lang, draft, edit, sc, errorsAt, lockNote, game, currency } = useDecisions();
  return (
    <fieldset className="section">
      <legend>{t('quarter.brandRecovery')}</legend>
      <div className="field-grid">
        <NumberField
          label={t('quarter.field.brandSpend')}
          value={draft.brandSpend}
          min={0}
          step={niceStep(sc.firm.budget.base / 10)}
          unit={<span className="muted small">{t('quarter.stock', { v: fmtMoney(game.view.stocks.brand, currency, lang) })}</span>}
          locked={lockNote('brand')}
          errors={errorsAt('brandSpend')}
          onChange={(v) => edit((d) => void (d.brandSpend = v))}
        />
        <NumberField
          label={t('quarter.field.budgetPerFailure')}
          value={draft.recovery.budgetPerFailure}
          min={0}
          step={niceStep(draft.recovery.budgetPerFailure || 1000)}
          unit={currency}
          locked={lockNote('recovery')}
          errors={errorsAt('recovery.budgetPerFailure')}
          onChange={(v) => edit((d) => void (d.recovery.budgetPerFailure = v))}
        />
        <NumberField
          label={t('quarter.field.empowerment')}
          value={Math.round(draft.recovery.empowerment * 100)}
          min={0}
          max={100}
          step={5}
          unit="%"
          locked={lockNote('recovery')}
          errors={errorsAt('recovery.empowerment')}
          onChange={(v) => edit((d) => void (d.recovery.empowerment = Math.max(0, Math.min(1, v / 100))))}
        />
      </div>
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
        return (
          <fieldset key={card.id} className="card choice-card" data-testid={`card-${card.id}`}>
            <legend>{pickText(card.title, lang)}</legend>
            <p>{pickText(card.text, lang)}</p>
            {(card.options ?? []).map((o) => (
              <div className="field toggle" key={o.id}>
                <input
                  type="radio"
                  id={`opt-${card.id}-${o.id}`}
                  name={`card-${card.id}`}
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
