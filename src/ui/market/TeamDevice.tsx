/**
 * A team's own device in a market game (one device per team, no server): the team says which
 * firm is theirs, then sees only that firm (its decisions and its reports, through the solo
 * game's screens) and its own standing. Its plan leaves as a decision code to paste into the
 * class chat, or as a small plan file; after each quarter the facilitator's market file comes
 * back and is loaded here, verified and replayed (the engine is deterministic). Built to work
 * on a phone.
 */
import { LeaveMarketButton } from './LeaveMarketButton';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planFileName } from '../../scenario/planCode';
import { pickText } from '../../sim/text';
import { useStore } from '../../store/index';
import { loadMarketFile } from './loadMarketFile';

export { loadMarketFile } from './loadMarketFile';
import { fmtNumber, fmtPercent } from '../format';
import { FilePicker } from '../home/FilePicker';
import { saveTextFile } from '../shell/files';
import { rankFirms } from './reading';
import './market.css';

function CodeBox({ seat }: { seat: number }) {
  const { t } = useTranslation('market');
  const mk = useStore((s) => s.market)!;
  const code = mk.code!;
  const name = mk.snapshot.seats[seat]!.name;
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const id = useId();
  return (
    <div className="stack" data-testid="code-box">
      <h3>{t('device.codeTitle', { n: code.round })}</h3>
      <p>{t('device.codeHelp')}</p>
      <label htmlFor={`${id}-code`}>{t('device.codeLabel', { n: code.round, length: code.text.length })}</label>
      <textarea id={`${id}-code`} className="plan-code" data-testid="plan-code" readOnly rows={5} value={code.text} onFocus={(e) => e.currentTarget.select()} />
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="copy-code"
          onClick={() =>
            void navigator.clipboard.writeText(code.text).then(
              () => setCopied('yes'),
              () => setCopied('no'),
            )
          }
        >
          {t('device.copy')}
        </button>
        <button type="button" data-testid="save-code" onClick={() => saveTextFile(`${code.text}\n`, planFileName(name, code.round), 'text/plain')}>
          {t('device.saveFile')}
        </button>
        <button type="button" data-testid="change-plan" onClick={() => void useStore.getState().openTeam(seat)}>
          {t('device.change')}
        </button>
      </div>
      <p role="status" className="muted">
        {copied === 'yes' ? t('device.copied') : copied === 'no' ? t('device.copyFailed') : ''}
      </p>
    </div>
  );
}

export function TeamDevice() {
  const { t } = useTranslation('market');
  const lang = useStore((s) => s.lang);
  const mk = useStore((s) => s.market)!;
  const busy = useStore((s) => s.busy !== null);
  const id = useId();
  const m = mk.snapshot;
  const own = mk.own;
  const last = m.quarters.at(-1);
  const ranked = rankFirms(m);
  const mine = own === null ? null : ranked.find((r) => r.seat === own)!;
  const stopped = own !== null && last !== undefined && last.firms[own]!.status !== 'running';
  const n = m.round + 1;
  return (
    <div className="team-device stack" data-testid="team-device" data-round={m.round} data-over={m.over}>
      <div>
        <h1 tabIndex={-1}>{t('device.title', { title: pickText(m.scenario.title, lang) })}</h1>
        <p className="lead" data-testid="device-quarter">
          {m.over ? t('console.over') : t('console.quarter', { n, total: m.scenario.rounds })}
        </p>
      </div>
      {own === null ? (
        <section className="card stack" aria-labelledby={`${id}-which`}>
          <h2 id={`${id}-which`}>{t('device.whichFirm')}</h2>
          <p>{t('device.whichIntro')}</p>
          <ul className="claim-list">
            {m.seats.map((s, seat) =>
              s.policy === null ? (
                <li key={seat}>
                  <button type="button" className="big" data-testid={`claim-${seat}`} disabled={busy} onClick={() => void useStore.getState().claimSeat(seat)}>
                    {t('device.weAre', { name: s.name })}
                  </button>
                </li>
              ) : null,
            )}
          </ul>
        </section>
      ) : (
        <section className="card stack" aria-labelledby={`${id}-firm`} data-testid="device-status">
          <h2 id={`${id}-firm`}>{m.seats[own]!.name}</h2>
          <p data-testid="device-standing">
            {last && mine
              ? t('device.standing', {
                  n: last.round,
                  rank: fmtNumber(mine.rank, lang),
                  firms: fmtNumber(m.seats.length, lang),
                  score: fmtNumber(mine.score, lang, { digits: 1 }),
                  share: fmtPercent(mine.marketShare, lang),
                  customers: fmtNumber(mine.customers, lang),
                })
              : t('device.noStanding')}
          </p>
          {m.over || stopped ? (
            <p className="lead">{m.over ? t('device.over') : t('console.stopped')}</p>
          ) : mk.code && mk.code.round === n ? (
            <CodeBox seat={own} />
          ) : (
            <div className="row">
              <button type="button" className="primary big" data-testid="decide" disabled={busy} onClick={() => void useStore.getState().openTeam(own)}>
                {t('device.decide', { n })}
              </button>
            </div>
          )}
          {m.round > 0 && (mk.code?.round === n || m.over || stopped) && (
            <div className="row">
              <button type="button" data-testid="see-report" disabled={busy} onClick={() => void useStore.getState().openTeam(own, 'report')}>
                {t('device.report')}
              </button>
            </div>
          )}
        </section>
      )}
      <section className="card stack" aria-labelledby={`${id}-load`}>
        <h2 id={`${id}-load`}>{t('device.loadTitle')}</h2>
        <p className="muted">{t('device.loadHelp')}</p>
        <FilePicker
          id={`${id}-file`}
          testId="device-load"
          prompt={t('device.load')}
          chosen={mk.file ? t('device.loaded', { file: mk.file.name }) : null}
          chosenTestId="device-loaded"
          onPick={loadMarketFile}
        />
      </section>
      <div className="row">
        <LeaveMarketButton />
      </div>
    </div>
  );
}
