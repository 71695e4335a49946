/** The pieces around the firm view's canvas: the customer card, the key and the text alternative. */
import './messages'; // registers the 'firm' messages (they load with this screen)
import { useTranslation } from 'react-i18next';
import { OUTCOME_NAMES } from '../../sim/report';
import type { Lang } from '../../sim/text';
import type { BaseSummary, CustomerCard } from '../../scene/events';
import type { FloorFrame } from '../../scene/floor/model';
import { currentPalette, REVEAL, REVEAL_EDGES } from '../../scene/palette';
import type { RoundSummary } from '../../worker/protocol';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';

const NO_TIER = 255;
const SOURCES = ['initial', 'acquired', 'referred'] as const;

/** The card of the customer under the pointer or the keyboard focus, next to it on the picture. */
export function CardView({ card, tierName, currency, lang, flip }: { card: CustomerCard; tierName: (t: number) => string; currency: string; lang: Lang; flip: boolean }) {
  const { t } = useTranslation('firm');
  const lines: string[] = [];
  lines.push(card.to === NO_TIER ? t('card.lapsed') : t('card.tier', { name: tierName(card.to) }));
  lines.push(t('card.revenue', { money: fmtMoney(card.revenue, currency, lang) }));
  lines.push(card.joined === 0 ? t('card.joinedInitial') : t('card.joined', { n: card.joined, source: t(`card.source.${SOURCES[card.source] ?? 'initial'}`) }));
  if (card.from !== NO_TIER && card.to !== NO_TIER && card.from !== card.to) lines.push(t('card.moved', { from: tierName(card.from), to: tierName(card.to) }));
  if (card.arrival === 1) lines.push(t('card.arrived'));
  if (card.arrival === 2) lines.push(card.referrerId >= 0 ? t('card.referredBy', { id: card.referrerId }) : t('card.arrived'));
  if (card.arrival === 3) lines.push(t('card.wonBack'));
  const outcome = OUTCOME_NAMES[card.outcome];
  if (outcome && outcome !== 'none') lines.push(t(`card.outcome.${outcome}`));
  if (card.contactLeft) lines.push(t('card.contactLeft'));
  if (card.truth !== null) lines.push(t('card.truth', { value: fmtNumber(card.truth, lang, { digits: 0 }) }));
  // `flip`: to the left of the customer when it is near the right edge, so the card stays on the picture.
  return (
    <div className={`firm-card${flip ? ' flip' : ''}`} style={{ left: card.x, top: card.y }} data-testid="firm-card" data-customer={card.id} data-x={Math.round(card.x)} data-y={Math.round(card.y)}>
      {/* Keyboard users hear the card of the customer they move to; a pointer hover is visual only. */}
      <div role={card.focused ? 'status' : undefined} aria-hidden={card.focused ? undefined : true}>
        <strong>{t('card.title', { id: card.id })}</strong>
        <ul>
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
        <small>{t('card.open')}</small>
      </div>
    </div>
  );
}

function Swatch({ fill, stroke, dashed, shape = 'dot' }: { fill?: string; stroke?: string; dashed?: boolean; shape?: 'dot' | 'ring' | 'bubble' | 'cross' }) {
  return (
    <svg className="firm-swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      {shape === 'dot' && <circle cx="11" cy="11" r="6" fill={fill} stroke="#17202c" strokeOpacity="0.5" />}
      {shape === 'ring' && <circle cx="11" cy="11" r="7" fill="none" stroke={stroke} strokeWidth="2.5" strokeDasharray={dashed ? '3 2' : undefined} />}
      {shape === 'bubble' && (
        <g>
          <rect x="5" y="4" width="12" height="10" fill={fill} stroke="#17202c" />
          <rect x="10.3" y="6" width="1.5" height="4" fill="#17202c" />
          <rect x="10.3" y="11" width="1.5" height="1.5" fill="#17202c" />
        </g>
      )}
      {shape === 'cross' && <path d="M5 5 L17 17 M17 5 L5 17" stroke={stroke} strokeWidth="2.5" />}
    </svg>
  );
}

/** The key: what each colour, ring and shape on the picture means. */
export function Legend({ reveal, tierCount, tierName }: { reveal: boolean; tierCount: number; tierName: (t: number) => string }) {
  const { t } = useTranslation('firm');
  const pal = currentPalette();
  const tiers = Array.from({ length: Math.max(1, tierCount) }, (_, k) => k);
  return (
    <section className="card firm-legend" aria-labelledby="firm-legend-title">
      <h2 id="firm-legend-title">{t('legend.title')}</h2>
      {reveal ? (
        <>
          <p>{t('legend.revealTitle')}</p>
          <ul>
            {REVEAL.map((c, b) => (
              <li key={c}>
                <Swatch fill={c} /> {t('legend.revealBand', { from: b === 0 ? 0 : REVEAL_EDGES[b - 1], to: REVEAL_EDGES[b] ?? 100 })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p>{t('legend.tier')}</p>
          <ul>
            {tiers.map((k) => (
              <li key={k}>
                <Swatch fill={pal.tiers[k % pal.tiers.length]} /> {tierName(k)}
              </li>
            ))}
            <li>
              <Swatch fill={pal.lapsed} /> {t('legend.lapsed')}
            </li>
          </ul>
        </>
      )}
      <ul>
        <li>
          <Swatch shape="ring" stroke={pal.newcomer} /> {t('legend.newcomer')}
        </li>
        <li>
          <Swatch shape="ring" stroke={pal.referred} dashed /> {t('legend.referred')}
        </li>
        <li>
          <Swatch shape="ring" stroke={pal.wonBack} dashed /> {t('legend.wonBack')}
        </li>
        <li>
          <Swatch shape="ring" stroke={pal.failure} /> {t('legend.failure')}
        </li>
        <li>
          <Swatch shape="bubble" fill={pal.complaint} /> {t('legend.complaint')}
        </li>
        <li>
          <Swatch shape="ring" stroke={pal.recovered} /> {t('legend.recovered')}
        </li>
        <li>
          <Swatch shape="cross" stroke={pal.failure} /> {t('legend.unresolved')}
        </li>
      </ul>
      <ul>
        <li>
          <Swatch fill={pal.staff} /> {t('legend.staff')}
        </li>
        <li>
          <Swatch fill={pal.customer} /> {t('legend.queue')}
        </li>
      </ul>
    </section>
  );
}

type Kind = 'acquired' | 'referred' | 'upTier' | 'downTier' | 'failure' | 'recovered' | 'complained' | 'lapsed' | 'wonBack' | 'contactLeft';
const KINDS: readonly Kind[] = ['acquired', 'referred', 'upTier', 'downTier', 'failure', 'recovered', 'complained', 'lapsed', 'wonBack', 'contactLeft'];

/** The text alternative: what the picture shows, in words and the model's whole-firm figures. */
export function SceneSummary({ id, base, floor, tierName, summary, lang }: { id: string; base: BaseSummary | null; floor: FloorFrame | null; tierName: (t: number) => string; summary: RoundSummary | null; lang: Lang }) {
  const { t } = useTranslation('firm');
  const n = (x: number) => fmtNumber(x, lang, { full: true });
  const c = (k: Kind) => base?.counts[KINDS.indexOf(k)] ?? 0;
  const tiers: RoundSummary['tiers'] | null = summary?.tiers ?? null;
  return (
    <section className="card firm-summary" id={id} aria-labelledby={`${id}-title`} data-testid="firm-summary">
      <h2 id={`${id}-title`}>{t('summary.title')}</h2>
      {base && (
        <>
          <h3>{t('summary.base')}</h3>
          <p>{base.sampled ? t('summary.shownSample', { shown: n(base.shown), n: n(base.population) }) : t('summary.shownAll', { n: n(base.population) })}</p>
          {(tiers || !base.sampled) && (
            <dl>
              <dt>{t('summary.perTier')}</dt>
              <dd>{(tiers ? tiers.map((x) => x.customers) : base.perTier).map((x, k) => `${tierName(k)} ${n(x)}`).join(' · ')}</dd>
            </dl>
          )}
          {base.round > 0 && (
            <dl>
                <dt>{t('summary.newCustomers')}</dt>
                <dd>{t('summary.newValue', { n: n(c('acquired') + c('referred')), referred: n(c('referred')) })}</dd>
                <dt>{t('summary.wonBack')}</dt>
                <dd>{n(c('wonBack'))}</dd>
                <dt>{t('summary.lapsed')}</dt>
                <dd>{n(c('lapsed'))}</dd>
                <dt>{t('summary.moves')}</dt>
                <dd>
                  {base.tierCountBefore !== base.tierCount
                    ? t('summary.movesRetiered', { before: base.tierCountBefore, after: base.tierCount })
                    : t('summary.movesValue', { up: n(c('upTier')), down: n(c('downTier')) })}
                </dd>
                <dt>{t('summary.failures')}</dt>
                <dd>{t('summary.failuresValue', { n: n(c('failure')), complaints: n(c('complained')), recovered: n(c('recovered')) })}</dd>
                <dt>{t('summary.contactLeft')}</dt>
                <dd>{n(c('contactLeft'))}</dd>
            </dl>
          )}
          {base.round === 0 && <p>{t('summary.noEvents')}</p>}
        </>
      )}
      {floor && (
        <>
          <h3>{t('summary.floor')}</h3>
          <dl>
            <dt>{t('summary.staff')}</dt>
            <dd>
              {floor.round === 0
                ? t('summary.staffStart', { n: n(floor.headcount) })
                : t('summary.staffValue', { n: n(floor.headcount), hires: n(floor.hires), leavers: n(floor.leavers), layoffs: n(floor.layoffs) })}
            </dd>
            {floor.round > 0 && (
              <>
                <dt>{t('summary.desks')}</dt>
                <dd>
                  {floor.desks
                    .map((s, k) => t('summary.deskValue', { name: tierName(k), staff: n(s), customers: n(floor.customers[k] ?? 0), hours: fmtNumber(floor.hoursPerCustomer[k] ?? 0, lang, { digits: 1 }) }))
                    .join('; ')}
                </dd>
                <dt>{t('summary.workload')}</dt>
                <dd>{floor.workload > 1 ? t('summary.overloaded', { value: fmtPercent(floor.workload, lang, 0) }) : t('summary.workloadValue', { value: fmtPercent(floor.workload, lang, 0) })}</dd>
                <dt>{t('summary.failuresPerTier')}</dt>
                <dd>{floor.failures.map((x, k) => `${tierName(k)} ${n(x)}`).join(' · ')}</dd>
              </>
            )}
            <dt>{t('summary.mood')}</dt>
            <dd>{floor.mood ? t('summary.moodValue', { mean: fmtNumber(floor.mood.mean, lang, { digits: 0 }), moe: fmtNumber(floor.mood.marginOfError, lang, { digits: 0 }) }) : t('summary.moodUnknown')}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
