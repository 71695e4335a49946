/**
 * Budget and staff time: what the draft uses, what is left, and, when the engine refuses
 * the draft, its reasons beside the disabled "advance" button.
 */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index';
import { pickText } from '../../sim/text';
import { unansweredCards } from '../../store/draftOps';
import { tierName } from '../shell/tierName';
import { fmtMoney, fmtNumber } from '../format';
import { fieldAt } from './controls';

function Bar({ used, limit, mark, label }: { used: number; limit: number; mark?: number; label: string }) {
  const pct = limit > 0 ? Math.min(100, (used / limit) * 100) : used > 0 ? 100 : 0;
  const over = used > limit + 1e-6;
  return (
    <div className={`meter${over ? ' over' : ''}`} role="meter" aria-valuemin={0} aria-valuemax={Math.max(limit, used)} aria-valuenow={used} aria-label={label}>
      <div className="meter-fill" style={{ width: `${pct}%` }} />
      {mark !== undefined && limit > 0 && <div className="meter-mark" style={{ left: `${Math.min(100, (mark / limit) * 100)}%` }} aria-hidden="true" />}
    </div>
  );
}

export function Meters() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const preview = useStore((s) => s.preview);
  const currency = useStore((s) => s.game!.scenario.currency);
  if (!preview) return <p role="status">{t('quarter.checking')}</p>;
  const u = preview.use;
  // A value out of range or a list of the wrong length: the plan cannot be costed until it is fixed.
  if (!u) return <p className="meters-pending" role="status" data-testid="meters">{t('quarter.notCosted')}</p>;
  const left = u.budget - u.spend;
  const hoursLeft = u.staffLimit - u.staffHours;
  return (
    <div className="meters" data-testid="meters">
      <div>
        <div className="meter-head">
          <strong>{t('quarter.budget')}</strong>
          <span className="num">
            {t('quarter.budgetUse', { spend: fmtMoney(u.spend, currency, lang), budget: fmtMoney(u.budget, currency, lang) })}
          </span>
        </div>
        <Bar used={u.spend} limit={u.budget} label={t('quarter.budget')} />
        <p className="meter-left" data-testid="budget-left">
          {left >= -1e-6 ? t('quarter.left', { v: fmtMoney(left, currency, lang) }) : `⚠ ${t('quarter.overBy', { v: fmtMoney(-left, currency, lang) })}`}
        </p>
      </div>
      <div>
        <div className="meter-head">
          <strong>{t('quarter.staffTime')}</strong>
          <span className="num">
            {t('quarter.hoursUse', { used: fmtNumber(u.staffHours, lang), limit: fmtNumber(u.staffLimit, lang), contracted: fmtNumber(u.contracted, lang) })}
          </span>
        </div>
        <Bar used={u.staffHours} limit={u.staffLimit} mark={u.contracted} label={t('quarter.staffTime')} />
        <p className="meter-left">
          {hoursLeft >= -1e-6 ? t('quarter.hoursLeft', { v: fmtNumber(hoursLeft, lang) }) : `⚠ ${t('quarter.hoursOver', { v: fmtNumber(-hoursLeft, lang) })}`}
          {u.staffHours > u.contracted && hoursLeft >= 0 && <span> · {t('quarter.overtime')}</span>}
        </p>
        <p className="meter-left" data-testid="expected-workload">
          {u.expectedWorkload > 1 + 1e-9 ? '⚠ ' : ''}
          {t(u.expectedWorkload > 1 + 1e-9 ? 'quarter.expectedOverload' : 'quarter.expectedWorkload', {
            pct: fmtNumber(u.expectedWorkload * 100, lang, { digits: 0 }),
            carried: fmtNumber(u.carried, lang),
          })}
        </p>
      </div>
    </div>
  );
}

/** The advance button, disabled with the engine's reasons while the draft is refused, each naming its field. */
export function AdvanceButton() {
  const { t } = useTranslation();
  const lang = useStore((s) => s.lang);
  const scenario = useStore((s) => s.game!.scenario);
  const tierCount = useStore((s) => s.draft?.tiering.tierCount ?? 1);
  /** The field a reason is about, as the screen labels it ("Service hours per customer · Gold guests"). */
  const fieldName = (path: string): string | null => {
    const at = fieldAt(path);
    if (!at) return null;
    const label = t(at.field.label as 'quarter.tierCount');
    if (at.field.scope === 'firm') return label;
    const tier = tierName(scenario, at.index, tierCount, lang);
    return `${label} · ${tier}`;
  };
  const preview = useStore((s) => s.preview);
  const busy = useStore((s) => s.busy !== null);
  const round = useStore((s) => s.game!.view.round);
  const cards = useStore((s) => s.game!.view.choices);
  const draft = useStore((s) => s.draft);
  const advance = useStore((s) => s.advance);
  // A team of a market submits its plan; the market plays the quarter for every firm at once.
  const team = useStore((s) => (s.market && s.market.seat !== null ? s.market.snapshot.seats[s.market.seat]!.name : null));
  const submit = useStore((s) => s.submitPlan);
  const ownDevice = useStore((s) => s.market?.role === 'team');
  const problems = preview?.problems ?? [];
  const unanswered = draft ? unansweredCards(draft, cards) : [];
  const blocked = problems.length > 0 || unanswered.length > 0;
  return (
    <div className="advance">
      <button
        type="button"
        className="primary big"
        data-testid="advance"
        disabled={!preview || blocked || busy}
        aria-describedby={blocked ? 'advance-reasons' : undefined}
        onClick={() => void (team !== null ? submit() : advance())}
      >
        {busy ? t('quarter.playing') : team !== null ? t(ownDevice ? 'team.makeCode' : 'team.submit', { ns: 'market', n: round + 1 }) : t('quarter.advance', { n: round + 1 })}
      </button>
      {team !== null && <p className="muted">{t(ownDevice ? 'team.codeHidden' : 'team.hidden', { ns: 'market' })}</p>}
      {blocked && (
        <div id="advance-reasons" className="notice error" role="status" data-testid="advance-reasons">
          <strong>{t('quarter.cannotPlay')}</strong>
          <ul>
            {unanswered.map((c) => (
              <li key={c.id} data-testid={`unanswered-${c.id}`}>
                <a
                  href={`#card-${c.id}`}
                  onClick={(e) => {
                    // To the card's first option, so the arrow keys pick one.
                    e.preventDefault();
                    document.querySelector<HTMLInputElement>(`[name="card-${c.id}"]`)?.focus();
                  }}
                >
                  {t('quarter.answerCard', { title: pickText(c.title, lang) })}
                </a>
              </li>
            ))}
            {problems.map((p, i) => {
              const name = fieldName(p.path);
              return <li key={i}>{name ? t('quarter.reasonAt', { field: name, reason: p.text }) : p.text}</li>;
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
