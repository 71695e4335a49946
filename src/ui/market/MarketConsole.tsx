/**
 * The facilitator's console, built for a projector: who has submitted (each team in turn behind
 * a privacy screen), a round timer, the leaderboard (score, customer equity, market share,
 * satisfaction as each firm's own survey measured it), market shares over time and the market
 * news; once the market is over, the final ranking, what separated the winner, and the reveal
 * (every firm's decisions side by side, where each firm's customers went and came from, per
 * rival and tier, with the value gap behind it). It shows nothing of a team's plan.
 */
import { LeaveMarketButton } from './LeaveMarketButton';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Lang } from '../../sim/text';
import { useStore, type MarketPlay } from '../../store/index';
import type { MarketSnapshot } from '../../worker/protocol';
import { LineChart } from '../charts/index';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';
import { FilePicker } from '../home/FilePicker';
import { saveTextFile } from '../shell/files';
import { tierName } from '../shell/tierName';
import { isMarketPolicy } from './policies';
import { LEVERS, LEVER_KIND, leverValue, marketNews, rankFirms, rivalFlows, separation, shareSeries, type NewsItem, type RevealLever } from './reading';
import { TeamDevice } from './TeamDevice';
import './market.css';

type T = ReturnType<typeof useTranslation<'market'>>['t'];

const nameOf = (m: MarketSnapshot, seat: number): string => m.seats[seat]!.name;

function runner(t: T, m: MarketSnapshot, seat: number): string {
  const p = m.seats[seat]!.policy;
  return p === null ? t('setup.team') : t('console.computerRuns', { strategy: isMarketPolicy(p) ? t(`policy.${p}`) : p });
}

function PrivacyScreen({ seat }: { seat: number }) {
  const { t } = useTranslation('market');
  const m = useStore((s) => s.market!.snapshot);
  const name = nameOf(m, seat);
  return (
    <section className="privacy card" aria-labelledby="privacy-title" data-testid="privacy">
      <h1 id="privacy-title" tabIndex={-1}>
        {t('privacy.title', { name })}
      </h1>
      <p>{t('privacy.body', { name })}</p>
      <div className="row">
        <button type="button" className="primary big" data-testid="privacy-show" onClick={() => void useStore.getState().openTeam(seat)}>
          {t('privacy.show', { name })}
        </button>
        <button type="button" onClick={() => useStore.getState().toConsole()}>
          {t('privacy.cancel')}
        </button>
      </div>
    </section>
  );
}

/** mm:ss of `ms` (rounded up to the second). */
function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function RoundTimer() {
  const { t } = useTranslation('market');
  const timer = useStore((s) => s.market!.timer);
  const setTimer = useStore((s) => s.setTimer);
  const [minutes, setMinutes] = useState(10);
  const [now, setNow] = useState(() => Date.now());
  const id = useId();
  useEffect(() => {
    if (timer.deadline === null) return;
    const h = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(h);
  }, [timer.deadline]);
  const left = timer.deadline !== null ? timer.deadline - now : timer.left;
  const set = timer.deadline !== null || timer.left > 0;
  return (
    <section className="card timer" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('timer.label')}</h2>
      <p className="timer-clock" role="timer" aria-live="off" data-testid="timer">
        {!set ? t('timer.notSet') : left > 0 ? t('timer.left', { time: clock(left) }) : t('timer.up')}
      </p>
      <div className="row">
        <label htmlFor={`${id}-min`}>{t('timer.minutes')}</label>
        <input id={`${id}-min`} type="number" min={1} max={120} value={minutes} onChange={(e) => setMinutes(Math.max(1, Math.min(120, Number(e.target.value) || 1)))} />
        {timer.deadline === null ? (
          <button type="button" data-testid="timer-start" onClick={() => setTimer({ deadline: Date.now() + (timer.left > 0 ? timer.left : minutes * 60_000), left: 0 })}>
            {timer.left > 0 ? t('timer.resume') : t('timer.start')}
          </button>
        ) : (
          <button type="button" onClick={() => setTimer({ deadline: null, left: Math.max(0, timer.deadline! - Date.now()) })}>
            {t('timer.pause')}
          </button>
        )}
        <button type="button" onClick={() => setTimer({ deadline: null, left: 0 })}>
          {t('timer.reset')}
        </button>
      </div>
    </section>
  );
}

function TeamsPanel({ mk }: { mk: MarketPlay }) {
  const { t } = useTranslation('market');
  const m = mk.snapshot;
  const busy = useStore((s) => s.busy !== null);
  const last = m.quarters.at(-1);
  const stopped = (seat: number) => last !== undefined && last.firms[seat]!.status !== 'running';
  const teams = m.seats.map((s, seat) => ({ s, seat })).filter(({ s, seat }) => s.policy === null && !stopped(seat));
  const missing = teams.filter(({ seat }) => mk.plans[seat] === null).map(({ s }) => s.name);
  const n = m.round + 1;
  return (
    <section className="card" aria-labelledby="teams-title" data-testid="teams">
      <h2 id="teams-title">{m.over ? t('console.over') : t('console.teams')}</h2>
      <ul className="team-list">
        {m.seats.map((s, seat) => {
          const team = s.policy === null;
          const inPlan = mk.plans[seat] !== null;
          return (
            <li key={seat} data-testid={`team-${seat}`} data-state={stopped(seat) ? 'stopped' : !team ? 'computer' : inPlan ? 'in' : 'waiting'}>
              <span className="team-name">{s.name}</span>
              <span className="muted">{runner(t, m, seat)}</span>
              {stopped(seat) && last!.firms[seat]!.status === 'bankrupt' ? (
                <span className="badge">{t('console.stopped')}</span>
              ) : team && !m.over ? (
                <span className={`badge ${inPlan ? 'ok' : 'wait'}`}>{inPlan ? `✓ ${t('console.planIn')}${mk.byCode[seat] ? ` (${t('console.byCode')})` : ''}` : t('console.waiting')}</span>
              ) : null}
              {team && (
                <button type="button" data-testid={`call-${seat}`} disabled={busy} onClick={() => useStore.getState().callTeam(seat)}>
                  {m.over || stopped(seat) ? t('console.seeReport', { name: s.name }) : inPlan ? t('console.change', { name: s.name }) : t('console.decide', { name: s.name })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!m.over && (
        <>
          {missing.length > 0 && <p className="muted">{t('console.missingNote', { names: missing.join(', ') })}</p>}
          <button type="button" className="primary big" data-testid="resolve" disabled={busy} onClick={() => void useStore.getState().resolveQuarter()}>
            {missing.length > 0 ? t('console.resolveMissing', { n, names: missing.join(', ') }) : t('console.resolve', { n })}
          </button>
        </>
      )}
      {mk.refused && (
        <div className="notice error" role="alert" data-testid="market-refused">
          <p>{t('console.refused')}</p>
          <ul>
            {mk.refused.map((r) => (
              <li key={r.seat}>
                {r.keptPlan ? t('console.refusedKept', { name: r.name }) : t('console.refusedTeam', { name: r.name })}
                <ul>
                  {r.problems.map((p, i) => (
                    <li key={i}>{p.text}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Plans from teams that play on their own devices: decision codes pasted from the chat, or plan files picked or dropped. */
function CodesPanel({ mk }: { mk: MarketPlay }) {
  const { t } = useTranslation('market');
  const busy = useStore((s) => s.busy !== null);
  const [text, setText] = useState('');
  const [over, setOver] = useState(false);
  const id = useId();
  const take = async () => {
    await useStore.getState().acceptCodes(text);
    if (useStore.getState().market?.codeErrors.length === 0) setText('');
  };
  return (
    <section
      className={`card stack codes${over ? ' drop-over' : ''}`}
      aria-labelledby={`${id}-h`}
      data-testid="codes"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        setOver(false);
        void useStore.getState().acceptPlanFiles(Array.from(e.dataTransfer.files));
      }}
    >
      <h2 id={`${id}-h`}>{t('console.codesTitle')}</h2>
      <p className="muted">{t('console.codesHelp')}</p>
      <label htmlFor={`${id}-codes`}>{t('console.codesLabel')}</label>
      <textarea id={`${id}-codes`} className="plan-code" data-testid="codes-input" rows={3} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
      <div className="row">
        <button type="button" data-testid="codes-take" disabled={busy || text.trim() === ''} onClick={() => void take()}>
          {t('console.codesTake')}
        </button>
        <FilePicker id={`${id}-files`} testId="plan-files" prompt={t('console.planFiles')} chosen={null} accept=".txt,text/plain" onPickAll={(files) => void useStore.getState().acceptPlanFiles(files)} />
      </div>
      {mk.codeErrors.length > 0 && (
        <div className="notice error" role="alert" data-testid="codes-refused">
          <p>{t('console.codesRefused')}</p>
          <ul>
            {mk.codeErrors.map((e, i) => (
              <li key={i}>
                {e.from && <code>{e.from}</code>} {e.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Leaderboard({ m, lang }: { m: MarketSnapshot; lang: Lang }) {
  const { t } = useTranslation('market');
  const ranked = rankFirms(m);
  const cur = m.scenario.currency;
  const last = m.quarters.at(-1);
  return (
    <section className="card" aria-labelledby="board-title">
      <h2 id="board-title">{t('board.title')}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('board.title')}>
        <table className="board" data-testid="leaderboard">
          <caption>{last ? t('board.caption', { n: last.round }) : t('board.captionStart')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('board.rank')}</th>
              <th scope="col">{t('board.firm')}</th>
              <th scope="col">{t('board.score')}</th>
              <th scope="col">{t('board.equity')}</th>
              <th scope="col">{t('board.share')}</th>
              <th scope="col">{t('board.customers')}</th>
              <th scope="col">
                <abbr title={t('board.satisfactionNote')}>{t('board.satisfaction')}</abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((r) => {
              const f = last?.firms[r.seat];
              return (
                <tr key={r.seat} data-testid={`board-${r.seat}`}>
                  <td>{fmtNumber(r.rank, lang)}</td>
                  <th scope="row">
                    {nameOf(m, r.seat)}
                    {r.status === 'bankrupt' && <em className="board-note"> ({t('board.bankrupt')})</em>}
                    {f?.keptPlan && <em className="board-note">{t('console.kept')}</em>}
                  </th>
                  <td>{fmtNumber(r.score, lang, { digits: 1 })}</td>
                  <td>{fmtMoney(r.customerEquity, cur, lang)}</td>
                  <td>{fmtPercent(r.marketShare, lang)}</td>
                  <td>{fmtNumber(r.customers, lang)}</td>
                  <td>{f?.satisfaction ? `${fmtNumber(f.satisfaction.mean, lang, { digits: 2 })} ± ${fmtNumber(f.satisfaction.margin, lang, { digits: 2 })}` : t('board.noSurvey')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('board.satisfactionNote')}</p>
    </section>
  );
}

function Shares({ m, lang }: { m: MarketSnapshot; lang: Lang }) {
  const { t } = useTranslation('market');
  const series = shareSeries(m).map((values, seat) => ({ id: `firm-${seat}`, name: nameOf(m, seat), values }));
  return (
    <section className="card" aria-labelledby="shares-title" data-testid="shares">
      <h2 id="shares-title">{t('shares.title')}</h2>
      <LineChart title={t('shares.title')} lang={lang} series={series} format={(v) => fmtPercent(v, lang)} bounds={[0, 1]} firstQuarter={0} height={260} />
    </section>
  );
}

function newsText(t: T, m: MarketSnapshot, n: NewsItem, lang: Lang): string {
  const name = nameOf(m, n.seat);
  switch (n.kind) {
    case 'leader':
      return t('news.leader', { name, share: fmtPercent(n.share, lang) });
    case 'newLeader':
      return t('news.newLeader', { name, prev: nameOf(m, n.prev), share: fmtPercent(n.share, lang) });
    case 'gain':
      return t('news.gain', { name, delta: `▲ +${t('news.points', { n: fmtNumber(n.delta * 100, lang, { digits: 1 }) })}` });
    case 'loss':
      return t('news.loss', { name, delta: `▼ −${t('news.points', { n: fmtNumber(-n.delta * 100, lang, { digits: 1 }) })}` });
    case 'bankrupt':
      return t('news.bankrupt', { name });
    case 'kept':
      return t('news.kept', { name });
    default: {
      const never: never = n;
      return String(never);
    }
  }
}

function News({ m, lang }: { m: MarketSnapshot; lang: Lang }) {
  const { t } = useTranslation('market');
  const q = m.quarters.at(-1);
  return (
    <section className="card" aria-labelledby="mnews-title" data-testid="market-news">
      <h2 id="mnews-title">{t('news.title')}</h2>
      {!q ? (
        <p className="muted">{t('news.none')}</p>
      ) : (
        <ul className="news-list">
          {marketNews(m, q.round).map((n, i) => (
            <li key={`m${i}`}>{newsText(t, m, n, lang)}</li>
          ))}
          {q.news.map((n, i) => (
            <li key={`s${i}`}>{pickText(n, lang)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Debrief({ m, lang }: { m: MarketSnapshot; lang: Lang }) {
  const { t } = useTranslation('market');
  const ranked = rankFirms(m);
  const sep = separation(m);
  const top = ranked.filter((r) => r.rank === 1);
  const cur = m.scenario.currency;
  const score = fmtNumber(top[0]!.score, lang, { digits: 1 });
  const signed = (x: number) => (x > 0 ? `+${fmtNumber(x, lang)}` : x < 0 ? `−${fmtNumber(-x, lang)}` : fmtNumber(0, lang));
  return (
    <section className="card" aria-labelledby="mdebrief-title" data-testid="market-debrief">
      <h2 id="mdebrief-title">{t('debrief.title')}</h2>
      <p className="lead" data-testid="market-winner">
        {top.length === 1 ? t('debrief.winner', { name: nameOf(m, top[0]!.seat), score }) : t('debrief.tie', { names: top.map((r) => nameOf(m, r.seat)).join(', '), score })}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('debrief.caption')}>
        <table className="board" data-testid="final-ranking">
          <caption>{t('debrief.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('board.rank')}</th>
              <th scope="col">{t('board.firm')}</th>
              <th scope="col">{t('setup.runBy')}</th>
              <th scope="col">{t('board.score')}</th>
              <th scope="col">{t('board.equity')}</th>
              <th scope="col">{t('board.share')}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((r) => (
              <tr key={r.seat}>
                <td>{fmtNumber(r.rank, lang)}</td>
                <th scope="row">
                  {nameOf(m, r.seat)}
                  {r.status === 'bankrupt' && <em> ({t('board.bankrupt')})</em>}
                </th>
                <td>{runner(t, m, r.seat)}</td>
                <td>{fmtNumber(r.score, lang, { digits: 1 })}</td>
                <td>{fmtMoney(r.customerEquity, cur, lang)}</td>
                <td>{fmtPercent(r.marketShare, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sep && (
        <>
          <h3>{t('debrief.separated', { name: nameOf(m, sep.seat) })}</h3>
          <ul data-testid="separation">
            <li>{t('debrief.sepValue', { winner: fmtNumber(sep.value.winner, lang, { digits: 3 }), rest: fmtNumber(sep.value.rest, lang, { digits: 3 }) })}</li>
            <li>{t('debrief.sepFlow', { won: fmtNumber(sep.won, lang), lost: fmtNumber(sep.lost, lang), net: signed(sep.won - sep.lost) })}</li>
            <li>{t('debrief.sepShare', { from: fmtPercent(sep.share.from, lang), to: fmtPercent(sep.share.to, lang) })}</li>
            <li>{t('debrief.sepEquity', { equity: fmtMoney(sep.equity.winner, cur, lang), rest: fmtMoney(sep.equity.rest, cur, lang) })}</li>
            <li>{t('debrief.sepPrice', { winner: fmtNumber(sep.price.winner, lang, { digits: 2 }), rest: fmtNumber(sep.price.rest, lang, { digits: 2 }) })}</li>
          </ul>
        </>
      )}
      <p className="muted">
        {t('debrief.verify', { command: 'npm run sim -- verify' })}
      </p>
    </section>
  );
}

function leverText(lever: RevealLever, v: number, currency: string, lang: Lang): string {
  const kind = LEVER_KIND[lever];
  return kind === 'money' ? fmtMoney(v, currency, lang) : kind === 'index' ? fmtNumber(v, lang, { digits: 2 }) : kind === 'hours' ? fmtNumber(v, lang, { digits: 1 }) : fmtNumber(v, lang);
}

function Reveal({ m, lang }: { m: MarketSnapshot; lang: Lang }) {
  const { t } = useTranslation('market');
  const [lever, setLever] = useState<RevealLever>('price');
  const id = useId();
  const rv = m.reveal!;
  const cur = m.scenario.currency;
  const gapText = (g: number | null) => (g === null ? '–' : g > 0 ? `▲ +${fmtNumber(g, lang, { digits: 3 })}` : g < 0 ? `▼ −${fmtNumber(-g, lang, { digits: 3 })}` : fmtNumber(0, lang, { digits: 3 }));
  const values = m.seats.map((_, seat) => ({ id: `v-${seat}`, name: nameOf(m, seat), values: rv.rounds.map((r, i) => (rv.decisions[i]![seat] ? r.firms[seat]!.value : null)) }));
  return (
    <section className="card stack" aria-labelledby="reveal-title" data-testid="reveal">
      <h2 id="reveal-title">{t('reveal.title')}</h2>
      <p className="muted">{t('reveal.intro')}</p>

      <h3>{t('reveal.decisions')}</h3>
      <div className="row">
        <label htmlFor={`${id}-lever`}>{t('reveal.lever')}</label>
        <select id={`${id}-lever`} data-testid="reveal-lever" value={lever} onChange={(e) => setLever(e.target.value as RevealLever)}>
          {LEVERS.map((l) => (
            <option key={l} value={l}>
              {t(`reveal.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('reveal.decisionsCaption')}>
        <table className="board" data-testid="reveal-decisions">
          <caption>
            {t('reveal.decisionsCaption')}: {t(`reveal.${lever}`)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('reveal.quarter')}</th>
              {m.seats.map((s, seat) => (
                <th scope="col" key={seat}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rv.decisions.map((q, i) => (
              <tr key={i}>
                <th scope="row">{fmtNumber(i + 1, lang)}</th>
                {q.map((d, seat) => (
                  <td key={seat}>{d ? leverText(lever, leverValue(d, lever), cur, lang) : '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('reveal.value')}</h3>
      <LineChart title={t('reveal.valueCaption')} lang={lang} series={values} format={(v) => fmtNumber(v, lang, { digits: 2 })} firstQuarter={1} height={240} />

      <h3>{t('reveal.flows')}</h3>
      <p className="muted">{t('reveal.flowsIntro')}</p>
      {m.seats.map((s, seat) => {
        const fl = rivalFlows(m, seat)!;
        return (
          <details key={seat} open={seat === 0} data-testid={`flows-${seat}`}>
            <summary>{s.name}</summary>
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t('reveal.flowsCaption', { name: s.name })}>
              <table className="board">
                <caption>{t('reveal.flowsCaption', { name: s.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reveal.rival')}</th>
                    <th scope="col">{t('reveal.wonFrom')}</th>
                    <th scope="col">{t('reveal.lostTo')}</th>
                    <th scope="col">{t('reveal.net')}</th>
                    {Array.from({ length: fl.tiers }, (_, k) => (
                      <th scope="col" key={k}>
                        {tierName(m.scenario, k, fl.tiers, lang)}: {t('reveal.wonFrom')} / {t('reveal.lostTo')}
                      </th>
                    ))}
                    <th scope="col">{t('reveal.gap')}</th>
                  </tr>
                </thead>
                <tbody>
                  {fl.rivals.map((f) => (
                    <tr key={f.rival}>
                      <th scope="row">{nameOf(m, f.rival)}</th>
                      <td>{fmtNumber(f.won, lang)}</td>
                      <td>{fmtNumber(f.lost, lang)}</td>
                      <td>{f.won - f.lost > 0 ? `+${fmtNumber(f.won - f.lost, lang)}` : f.won - f.lost < 0 ? `−${fmtNumber(f.lost - f.won, lang)}` : fmtNumber(0, lang)}</td>
                      {f.wonByTier.map((w, k) => (
                        <td key={k}>
                          {fmtNumber(w, lang)} / {fmtNumber(f.lostByTier[k]!, lang)}
                        </td>
                      ))}
                      <td>{gapText(f.gap)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted">{t('reveal.lapsed', { n: fmtNumber(fl.lapsed, lang) })}</p>
          </details>
        );
      })}
    </section>
  );
}

export default function MarketConsole() {
  const { t } = useTranslation('market');
  const lang = useStore((s) => s.lang);
  const mk = useStore((s) => s.market)!;
  const m = mk.snapshot;
  // A team's device: its own firm; once the market is over, the ranking and the reveal everyone sees.
  if (mk.role === 'team')
    return (
      <div className="stack">
        <TeamDevice />
        {m.over && (
          <div className="team-device stack">
            <Debrief m={m} lang={lang} />
            <Reveal m={m} lang={lang} />
          </div>
        )}
      </div>
    );
  if (mk.calling !== null) return <PrivacyScreen seat={mk.calling} />;
  const exportRun = async () => {
    const r = await useStore.getState().exportMarket();
    if (r) saveTextFile(r.text, r.fileName);
  };
  return (
    <div className="market-console stack" data-testid="market-console" data-round={m.round} data-over={m.over}>
      <div className="console-top">
        <h1 tabIndex={-1}>
          {t('console.title')} · {pickText(m.scenario.title, lang)}
        </h1>
        <p className="lead" data-testid="console-quarter">
          {m.over ? t('console.over') : t('console.quarter', { n: m.round + 1, total: m.scenario.rounds })}
        </p>
      </div>
      <div className="console-grid">
        <div className="stack">
          <TeamsPanel mk={mk} />
          {!m.over && <CodesPanel mk={mk} />}
          {!m.over && <RoundTimer />}
        </div>
        <Leaderboard m={m} lang={lang} />
      </div>
      <div className="console-grid">
        <Shares m={m} lang={lang} />
        <News m={m} lang={lang} />
      </div>
      {m.over && <Debrief m={m} lang={lang} />}
      {m.over && <Reveal m={m} lang={lang} />}
      <p className="muted">{t('console.exportHelp')}</p>
      <div className="row">
        <button type="button" data-testid="market-export" onClick={() => void exportRun()}>
          {t('console.export')}
        </button>
        <LeaveMarketButton />
      </div>
    </div>
  );
}
