/**
 * The facilitator sets up a market game: the scenario (a built-in or a file), the seed or class
 * code, how many firms, and for each its name and whether a team or the computer runs it (and
 * then with which reference strategy). Names are the firms' identities (their draws depend on
 * them), so each must be its own; the engine checks again when the market starts.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketConfig } from '../../sim/config';
import { MAX_FIRM_NAME, MAX_FIRMS, defaultFirmName, marketFirms } from '../../sim/market/setup';
import { normalizeClassCode } from '../../scenario/classCodeShape';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import type { GameSource, MarketSeat } from '../../worker/protocol';
import { CATALOG } from '../home/catalog';
import { FilePicker } from '../home/FilePicker';
import { readTextFile } from '../shell/files';
import { MARKET_POLICIES, type MarketPolicy } from './policies';
import './market.css';

interface SeatDraft {
  /** The name the facilitator typed; null: the scenario's default name for the seat, in the page's language. */
  name: string | null;
  team: boolean;
  policy: MarketPolicy;
}

const LETTERS = 'ABCDEFGH';
const DEFAULT_POLICIES: MarketPolicy[] = ['value-based', 'cost-cutter', 'uniform', 'discounter'];

/**
 * The market section of a picked scenario file, read leniently for the setup's defaults (the
 * number of firms and their names); the worker checks the whole file when the market starts.
 */
function fileMarket(text: string): MarketConfig | undefined {
  try {
    const m = (JSON.parse(text.replace(/^\uFEFF/, '')) as { market?: unknown }).market as MarketConfig | undefined;
    const f = m?.firms;
    const ok = (x: unknown) => Number.isInteger(x) && (x as number) >= 2 && (x as number) <= MAX_FIRMS;
    if (!f || !ok(f.min) || !ok(f.max) || !ok(f.default) || f.min > f.default || f.default > f.max) return undefined;
    const names = Array.isArray(m.names) ? m.names.filter((n: unknown) => typeof n === 'object' && n !== null && Object.values(n).every((v) => typeof v === 'string')) : undefined;
    return { firms: { min: f.min, max: f.max, default: f.default }, names };
  } catch {
    return undefined;
  }
}

/** Why the seats cannot start a market (a translated sentence), or null; `names` are the seats' names as shown. */
function seatProblem(seats: readonly SeatDraft[], names: readonly string[], t: ReturnType<typeof useTranslation<'market'>>['t']): string | null {
  const seen = new Set<string>();
  for (const [i, typed] of names.entries()) {
    const name = typed.trim();
    if (name === '') return t('setup.noName', { n: i + 1 });
    if (name.length > MAX_FIRM_NAME) return t('setup.longName', { n: i + 1, max: MAX_FIRM_NAME });
    if (seen.has(name)) return t('setup.sameName', { name });
    seen.add(name);
  }
  return seats.some((s) => s.team) ? null : t('setup.noTeam');
}

export default function MarketSetupScreen() {
  const { t } = useTranslation('market');
  const { t: tc } = useTranslation();
  const lang = useStore((s) => s.lang);
  const busy = useStore((s) => s.busy !== null);
  const saved = useStore((s) => s.marketSave);
  const ids = useId();
  const [scenario, setScenario] = useState<string>(() => useStore.getState().homeScenario ?? CATALOG[0]!.id);
  // A picked file's market section is read once, when it is picked.
  const [file, setFile] = useState<{ name: string; text: string; market: MarketConfig | undefined } | null>(null);
  const [seed, setSeed] = useState('CRM-2026-A');
  // The seed as a class code: the class's variant of the scenario plays, and the market file records the class.
  const [asClass, setAsClass] = useState(false);
  const [seats, setSeats] = useState<SeatDraft[]>(() =>
    LETTERS.slice(0, MAX_FIRMS)
      .split('')
      .map((_, i) => ({ name: null, team: i < 2, policy: DEFAULT_POLICIES[(i + 2) % DEFAULT_POLICIES.length]! })),
  );
  const marketOf = (id: string, f: typeof file): MarketConfig | undefined => (f ? f.market : CATALOG.find((c) => c.id === id)?.market);
  const market = marketOf(scenario, file);
  const range = marketFirms({ market });
  const [count, setCount] = useState(range.default);
  const shown = seats.slice(0, count);
  // A seat not renamed shows the scenario's name for it, in the page's language.
  const names = shown.map((s, i) => s.name ?? defaultFirmName({ market }, i, lang, (letter) => t('setup.defaultName', { letter })));
  /** Another scenario: its number of firms (the seats not renamed take its names). */
  const choose = (id: string, f: typeof file) => {
    setScenario(id);
    setFile(f);
    setCount(marketFirms({ market: marketOf(id, f) }).default);
  };
  const problem =
    seatProblem(shown, names, t) ??
    (seed.trim() === '' || seed.trim().length > 200 ? t('setup.seedHint') : asClass && normalizeClassCode(seed) === null ? t('setup.badClass') : null);
  const edit = (i: number, change: Partial<SeatDraft>) => setSeats((all) => all.map((s, k) => (k === i ? { ...s, ...change } : s)));

  const start = () => {
    if (problem) return;
    const source: GameSource = file ? { kind: 'file', name: file.name, text: file.text } : { kind: 'builtin', id: scenario };
    const list: MarketSeat[] = shown.map((s, i) => ({ name: names[i]!.trim(), policy: s.team ? null : s.policy }));
    void useStore.getState().startMarket(source, seed.trim(), list, asClass ? (normalizeClassCode(seed) ?? undefined) : undefined);
  };

  return (
    <div className="market-setup stack">
      <section className="card stack" aria-labelledby="setup-title">
        <h1 id="setup-title" tabIndex={-1}>
          {t('setup.title')}
        </h1>
        <p className="muted">{t('setup.intro')}</p>
        <div className="setup-grid">
          <label htmlFor={`${ids}-scenario`}>{t('setup.scenario')}</label>
          <div className="stack">
            <select id={`${ids}-scenario`} data-testid="market-scenario" value={file ? '' : scenario} onChange={(e) => choose(e.target.value, null)}>
              {file && <option value="">{file.name}</option>}
              {CATALOG.map((c) => (
                <option key={c.id} value={c.id}>
                  {pickText(c.title, lang)}
                </option>
              ))}
            </select>
            <FilePicker
              id={`${ids}-file`}
              testId="market-scenario-file"
              prompt={tc('home.scenarioFile')}
              chosen={file ? tc('home.chosenFile', { file: file.name }) : null}
              onPick={(f) => {
                if (!f) return;
                void readTextFile(f, lang).then((r) => {
                  if (r.ok) choose(scenario, { name: f.name, text: r.text, market: fileMarket(r.text) });
                  else if ('errors' in r) useStore.getState().notify({ kind: 'fileRejected', fileName: f.name, errors: r.errors });
                  else useStore.getState().notify({ kind: 'fileUnreadable', fileName: f.name });
                });
              }}
            />
          </div>
          <label htmlFor={`${ids}-seed`}>{t('setup.seed')}</label>
          <div>
            <input id={`${ids}-seed`} data-testid="market-seed" type="text" value={seed} maxLength={200} aria-describedby={`${ids}-seed-hint`} onChange={(e) => setSeed(e.target.value)} />
            <p id={`${ids}-seed-hint`} className="muted">
              {t('setup.seedHint')}
            </p>
            <label className="market-class">
              <input type="checkbox" data-testid="market-as-class" checked={asClass} onChange={(e) => setAsClass(e.target.checked)} /> {t('setup.asClass')}
            </label>
          </div>
          <label htmlFor={`${ids}-count`}>{t('setup.firms')}</label>
          <select id={`${ids}-count`} data-testid="market-count" value={count} onChange={(e) => setCount(Number(e.target.value))}>
            {Array.from({ length: range.max - range.min + 1 }, (_, i) => i + range.min).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </section>

      <section className="card" aria-labelledby={`${ids}-firms`}>
        <h2 id={`${ids}-firms`}>{t('setup.firmsTitle')}</h2>
        <ol className="seat-list">
          {shown.map((s, i) => (
            <li key={i} className="seat-row" data-testid={`seat-${i}`}>
              <span className="seat-no">{t('setup.firm', { n: i + 1 })}</span>
              <label>
                {t('setup.name')}
                <input type="text" data-testid={`seat-name-${i}`} value={names[i]} maxLength={MAX_FIRM_NAME} onChange={(e) => edit(i, { name: e.target.value })} />
              </label>
              <label>
                {t('setup.runBy')}
                <select data-testid={`seat-runner-${i}`} value={s.team ? 'team' : 'computer'} onChange={(e) => edit(i, { team: e.target.value === 'team' })}>
                  <option value="team">{t('setup.team')}</option>
                  <option value="computer">{t('setup.computer')}</option>
                </select>
              </label>
              {!s.team && (
                <label>
                  {t('setup.strategy')}
                  <select data-testid={`seat-policy-${i}`} value={s.policy} onChange={(e) => edit(i, { policy: e.target.value as MarketPolicy })}>
                    {MARKET_POLICIES.map((p) => (
                      <option key={p} value={p}>
                        {t(`policy.${p}`)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </li>
          ))}
        </ol>
      </section>

      <div className="row">
        <button type="button" onClick={() => useStore.getState().go('home')}>
          {t('setup.back')}
        </button>
        <button type="button" className="primary big" data-testid="market-start" disabled={problem !== null || busy} aria-describedby={problem ? `${ids}-why` : undefined} onClick={start}>
          {t('setup.start')}
        </button>
        {problem && (
          <p id={`${ids}-why`} className="start-why" role="status" data-testid="market-why">
            {problem}
          </p>
        )}
      </div>
      {saved?.ok && (
        <p className="notice" data-testid="market-replaces">
          {t('setup.replaces', { title: pickText(saved.record.title, lang), round: saved.record.round + 1, total: saved.record.rounds })}
        </p>
      )}
    </div>
  );
}
