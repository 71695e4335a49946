/**
 * The firm view: the Phaser scenes of the customer base and the service floor (created by
 * PhaserHost), with everything around them in React: the quarter and playback controls,
 * the labels over the picture, the hover card, the key, and the text alternative that
 * says in words what the picture shows. Lazy-loaded; Phaser itself is a further chunk.
 */
import './messages'; // registers the 'firm' messages (they load with this screen)
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tierName as nameOfTier } from '../shell/tierName';
import { useStore } from '../../store/index';
import { Bus } from '../../scene/bus';
import type { BaseLabels, BaseSummary, CustomerCard, FloorLabels, SceneEvents } from '../../scene/events';
import type { FloorFrame } from '../../scene/floor/model';
import { SPEEDS, type PlaybackState, type Speed } from '../../scene/playback';
import type { RendererChoice } from '../../scene/renderer';
import { fmtNumber } from '../format';
import { PhaserHost } from './PhaserHost';
import { CardView, Legend, SceneSummary } from './parts';
import { useReducedMotion } from './useReducedMotion';
import './firm.css';

/** The scene's latest word on each subject. */
interface SceneState {
  playback: PlaybackState | null;
  baseLabels: BaseLabels | null;
  floorLabels: FloorLabels | null;
  baseSummary: BaseSummary | null;
  floorSummary: FloorFrame | null;
  card: CustomerCard | null;
  renderer: RendererChoice | null;
  error: string | null;
}

const EMPTY: SceneState = { playback: null, baseLabels: null, floorLabels: null, baseSummary: null, floorSummary: null, card: null, renderer: null, error: null };

/** Listens to the scene's events for as long as the screen is up. */
function useSceneState(bus: Bus<SceneEvents>): SceneState {
  const [s, setS] = useState<SceneState>(EMPTY);
  useEffect(() => {
    const put = <K extends keyof SceneState>(k: K) => (v: SceneState[K]) => setS((prev) => ({ ...prev, [k]: v }));
    const offs = [
      bus.on('playback', put('playback')),
      bus.on('baseLabels', put('baseLabels')),
      bus.on('floorLabels', put('floorLabels')),
      bus.on('baseSummary', put('baseSummary')),
      bus.on('floorSummary', put('floorSummary')),
      bus.on('hover', put('card')),
      bus.on('ready', put('renderer')),
      bus.on('error', (e) => put('error')(e.message)),
    ];
    return () => offs.forEach((off) => off());
  }, [bus]);
  return s;
}

export default function FirmScreen() {
  const { t } = useTranslation('firm');
  const lang = useStore((s) => s.lang);
  const game = useStore((s) => s.game)!;
  const view = useStore((s) => s.scene);
  const openFirm = useStore((s) => s.openFirm);
  const openCustomer = useStore((s) => s.openCustomer);
  const openReport = useStore((s) => s.openReport);
  const setSceneSpeed = useStore((s) => s.setSceneSpeed);
  const [bus] = useState(() => new Bus<SceneEvents>());
  const scene = useSceneState(bus);
  const reducedMotion = useReducedMotion();
  const [reveal, setReveal] = useState(false);
  const ids = useId();
  const stageRef = useRef<HTMLDivElement>(null);
  const played = game.summaries.length;
  const round = Math.min(view.round, played);
  const speed: Speed = (SPEEDS as readonly number[]).includes(view.speed) ? (view.speed as Speed) : 1;

  useEffect(() => bus.on('open', ({ id }) => openCustomer(id)), [bus, openCustomer]);
  // The reveal is for the end of the game only: it applies where the scene can reveal (the last quarter of a finished game).
  const canReveal = scene.baseSummary?.canReveal === true && scene.baseSummary.round === round;
  useEffect(() => {
    bus.emit('reveal', reveal && canReveal);
  }, [bus, reveal, canReveal]);

  // The tiers of the quarter shown: its report's, or (before quarter 1) the firm's first rule.
  const tiersInUse = round > 0 ? (game.summaries[round - 1]?.tiers.length ?? 1) : (scene.baseSummary?.tierCount ?? game.scenario.initialDecisions.tiering.tierCount);
  const tierName = (tier: number) => nameOfTier(game.scenario, tier, tiersInUse, lang);
  const pb = scene.playback?.round === round ? scene.playback : null;
  const num = (x: number) => fmtNumber(x, lang, { full: true });
  /** A tier's customers at the end of the quarter, firm-wide (the picture may be a sample); null if unknown. */
  const tierCount = (tier: number, inPicture: number): string | null => {
    const s = round > 0 ? game.summaries[round - 1] : undefined;
    if (s) return num(s.tiers[tier]?.customers ?? 0);
    return scene.baseSummary && !scene.baseSummary.sampled ? num(inPicture) : null;
  };
  // Until the scene has this quarter's data it is loading, not at its end.
  const phaseText = round === 0 ? t('phase.still') : pb ? t(`phase.${pb.phase}`) : t('loading');

  return (
    <article className="stack firm">
      <h1 tabIndex={-1}>{round === 0 ? t('titleStart') : t('title', { n: round })}</h1>
      <p>{t('intro')}</p>
      <div className="firm-controls card" role="group" aria-label={t('controls.label')}>
        <button type="button" data-testid="firm-prev" disabled={round <= 0} onClick={() => openFirm(round - 1)}>
          ◀ {t('controls.previous')}
        </button>
        <span className="firm-quarter" data-testid="firm-quarter">
          {round === 0 ? t('controls.start') : t('controls.quarter', { n: round, total: game.scenario.rounds })}
        </span>
        <button type="button" data-testid="firm-next" disabled={round >= played} onClick={() => openFirm(round + 1)}>
          {t('controls.next')} ▶
        </button>
        <span className="firm-sep" />
        <button type="button" data-testid="firm-play" disabled={round === 0} onClick={() => bus.emit('command', { kind: 'toggle' })}>
          {pb?.playing ? `❚❚ ${t('controls.pause')}` : `▶ ${t('controls.play')}`}
        </button>
        <button type="button" data-testid="firm-replay" disabled={round === 0} onClick={() => bus.emit('command', { kind: 'replay' })}>
          ↺ {t('controls.replay')}
        </button>
        <button type="button" data-testid="firm-skip" disabled={round === 0 || !pb || pb.t >= pb.duration} onClick={() => bus.emit('command', { kind: 'skip' })}>
          » {t('controls.skip')}
        </button>
        <label className="firm-speed">
          {t('controls.speed')}{' '}
          <select
            data-testid="firm-speed"
            value={speed}
            onChange={(e) => {
              const x = Number(e.target.value) as Speed;
              setSceneSpeed(x);
              bus.emit('command', { kind: 'speed', speed: x });
            }}
          >
            {SPEEDS.map((x) => (
              <option key={x} value={x}>
                {t('controls.speedValue', { x })}
              </option>
            ))}
          </select>
        </label>
        <progress className="firm-progress" aria-label={t('controls.progress')} max={pb?.duration || 1} value={pb ? pb.t : 1} />
        <span className="firm-phase" aria-live="polite" data-testid="firm-phase">
          {phaseText}
        </span>
        {canReveal && (
          <label className="firm-reveal">
            <input type="checkbox" data-testid="firm-reveal" checked={reveal} onChange={(e) => setReveal(e.target.checked)} /> {t('controls.reveal')}
          </label>
        )}
      </div>
      {scene.error && (
        <p className="notice error" role="alert">
          {t('failed', { message: scene.error })}
        </p>
      )}
      <div
        ref={stageRef}
        className="firm-stage"
        data-testid="firm-stage"
        data-scene-round={pb?.round ?? ''}
        data-scene-phase={pb?.phase ?? ''}
        data-scene-playing={String(pb?.playing ?? false)}
        data-renderer={scene.renderer?.kind ?? ''}
      >
        <PhaserHost
          bus={bus}
          speed={speed}
          reducedMotion={reducedMotion}
          label={round === 0 ? t('canvasLabelStart') : t('canvasLabel', { n: round })}
          describedBy={`${ids}-summary`}
        />
        {!scene.renderer && !scene.error && <p className="firm-loading">{t('loading')}</p>}
        <div className="firm-labels" aria-hidden="true">
          {scene.baseLabels && (
            <>
              <span className="firm-label zone" style={{ left: scene.baseLabels.market.x, top: scene.baseLabels.market.y }}>
                {t('labels.market')}
              </span>
              <span className="firm-label zone" style={{ left: scene.baseLabels.rival.x, top: scene.baseLabels.rival.y }}>
                {t('labels.rival')}
                {scene.baseLabels.rival.lapsed > 0 && <small>{t('labels.rivalCount', { n: scene.baseLabels.rival.lapsed })}</small>}
              </span>
              {scene.baseLabels.tiers.map((l) => {
                const n = tierCount(l.tier, l.after);
                return (
                  <span key={l.tier} className="firm-label tier" style={{ left: l.x, top: l.y }}>
                    {n === null ? tierName(l.tier) : t('labels.tier', { name: tierName(l.tier), n })}
                  </span>
                );
              })}
            </>
          )}
          {scene.floorLabels && scene.floorSummary && (
            <>
              {scene.floorLabels.rows.map((r) => {
                const f = scene.floorSummary!;
                const staff = f.desks[r.tier] ?? 0;
                const customers = f.customers[r.tier] ?? 0;
                return (
                  <span key={r.tier} className="firm-label row" style={{ left: r.x, top: r.y }}>
                    {f.round === 0
                      ? t('labels.floorRowStart', { name: tierName(r.tier), staff: num(staff) })
                      : staff === 0 && customers > 0
                        ? t('labels.floorRowNone', { name: tierName(r.tier), customers: num(customers) })
                        : t('labels.floorRow', { name: tierName(r.tier), staff: num(staff), customers: num(customers) })}
                  </span>
                );
              })}
              <span className="firm-label row" style={{ left: scene.floorLabels.door.x + 20, top: scene.floorLabels.door.y - 10 }}>
                {t('labels.door')}
              </span>
              {scene.floorLabels.perDesk > 1 && (
                <span className="firm-label row" style={{ left: scene.floorLabels.door.x + 20, top: scene.floorLabels.door.y - 32 }}>
                  {t('labels.perDesk', { n: scene.floorLabels.perDesk })}
                </span>
              )}
              <span className="firm-label row end" style={{ left: scene.floorLabels.exit.x - 20, top: scene.floorLabels.exit.y - 10 }}>
                {t('labels.exit')}
              </span>
            </>
          )}
        </div>
        {scene.card && <CardView card={scene.card} tierName={tierName} currency={game.scenario.currency} lang={lang} flip={scene.card.x > (stageRef.current?.clientWidth ?? 0) * 0.6} />}
      </div>
      <p className="firm-actions">
        <button type="button" data-testid="firm-open-database" onClick={() => openCustomer(null)}>
          {t('controls.openDatabase')}
        </button>
        {round > 0 && (
          <button type="button" data-testid="firm-open-report" onClick={() => openReport(round)}>
            {t('controls.openReport')}
          </button>
        )}
      </p>
      <Legend reveal={reveal && canReveal} tierCount={scene.baseSummary?.tierCount ?? 1} tierName={tierName} />
      <SceneSummary id={`${ids}-summary`} base={scene.baseSummary?.round === round ? scene.baseSummary : null} floor={scene.floorSummary?.round === round ? scene.floorSummary : null} tierName={tierName} summary={round > 0 ? game.summaries[round - 1] ?? null : null} lang={lang} />
    </article>
  );
}
