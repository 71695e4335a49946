/**
 * The class results beyond the ranking (issue 15): the distribution of the class's scores with
 * the reference strategies ("ghosts") played on the class's world marked, the three decisions
 * that separated the top quarter of the class from the bottom quarter, each student's decisions
 * over time, and a projector view of the first two for the debrief session.
 */
import '../workbench/messages'; // registers the 'workbench' messages (they load with this screen)
import { useEffect, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { GradeRow } from '../../scenario/gradebook';
import type { Lang } from '../../sim/text';
import type { Ghost } from '../../store/grading';
import type { Decisions } from '../../sim/config';
import { DataTable } from '../charts/DataTable';
import { labelledTicks, linear } from '../charts/scale';
import { useWidth } from '../charts/useWidth';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';
import { FEATURE_UNIT, FEATURES, featureOf, separatingDecisions, type Feature, type Separator } from './separating';

const POLICY_KEY = { 'value-based': 'value-based', uniform: 'uniform', 'cost-cutter': 'cost-cutter', discounter: 'discounter', random: 'random' } as const;

interface Props {
  lang: Lang;
  code: string;
  rows: readonly GradeRow[];
  decisions: Readonly<Record<string, Decisions[]>>;
  ghosts: readonly Ghost[] | null;
  /** Every file graded and none verified as a solo game: no ghosts to wait for. */
  noSolo: boolean;
  currency: string;
}

function useFeatureText(lang: Lang, currency: string) {
  const { t } = useTranslation('classes');
  return {
    name: (f: Feature) => t(`feature.${f}`),
    value: (f: Feature, x: number) => {
      const u = FEATURE_UNIT[f];
      return u === 'money' ? fmtMoney(x, currency, lang) : u === 'share' ? fmtPercent(x, lang, 0) : fmtNumber(x, lang, { digits: u === 'index' ? 2 : 1 });
    },
  };
}

/** The class's scores as a histogram, with a dashed line and a label for each ghost. */
function Distribution({ lang, scores, ghosts }: { lang: Lang; scores: readonly number[]; ghosts: readonly Ghost[] | null }) {
  const { t } = useTranslation('classes');
  const { t: tw } = useTranslation('workbench');
  const [box, W] = useWidth<HTMLDivElement>(undefined, 640);
  const all = [...scores, ...(ghosts ?? []).map((g) => g.score)];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const ticks = labelledTicks(lo, hi > lo ? hi : lo + 1, 6, (v) => fmtNumber(v, lang, { digits: 0 }));
  const bands = Math.max(4, Math.min(12, Math.round((ticks.max - ticks.min) / ticks.step) * 2));
  const width = (ticks.max - ticks.min) / bands;
  const counts = new Array<number>(bands).fill(0);
  for (const s of scores) counts[Math.min(bands - 1, Math.max(0, Math.floor((s - ticks.min) / width)))]! += 1;
  const top = Math.max(1, ...counts);
  const H = 300;
  const left = 40;
  const right = W - 16;
  const base = H - 40;
  const labelRows = (ghosts?.length ?? 0) * 18 + 8;
  const x = linear(ticks.min, ticks.max, left, right);
  const y = linear(0, top, base, 12 + labelRows);
  const name = (g: Ghost) => tw(`policy.${POLICY_KEY[g.policy as keyof typeof POLICY_KEY] ?? 'value-based'}`);
  const summary = t('dist.summary', { count: scores.length, width: fmtNumber(width, lang, { digits: 1 }) });
  return (
    <figure className="crm-chart class-dist" lang={lang}>
      <div className="crm-chart-box" ref={box}>
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} fontSize={13}>
          {labelledTicks(0, top, Math.min(top, 5), (v) => fmtNumber(v, lang)).values.map((v) => (
            <g key={`y${v}`}>
              <line className="crm-grid-line" x1={left} x2={right} y1={y(v)} y2={y(v)} />
              <text x={left - 6} y={y(v)} dy="0.35em" textAnchor="end" className="crm-muted">
                {fmtNumber(v, lang)}
              </text>
            </g>
          ))}
          {counts.map((c, k) => (
            <rect key={k} x={x(ticks.min + k * width) + 1} y={y(c)} width={Math.max(1, x(ticks.min + (k + 1) * width) - x(ticks.min + k * width) - 2)} height={base - y(c)} fill="var(--chart-s1)" opacity={0.75} />
          ))}
          <line className="crm-axis-line" x1={left} x2={right} y1={base} y2={base} />
          {ticks.values.map((v, k) => (
            <text key={`x${v}`} x={x(v)} y={base + 18} textAnchor="middle" className="crm-muted">
              {ticks.texts[k]}
            </text>
          ))}
          {(ghosts ?? []).map((g, k) => {
            const gx = x(g.score);
            const ly = 14 + k * 18;
            const anchor = gx > (left + right) / 2 ? 'end' : 'start';
            return (
              <g key={g.policy}>
                <line x1={gx} x2={gx} y1={ly + 4} y2={base} stroke="var(--text, #1d2430)" strokeWidth={1.5} strokeDasharray="4 3" />
                <text x={anchor === 'end' ? gx - 4 : gx + 4} y={ly} dy="0.35em" textAnchor={anchor} fontWeight={g.policy === 'value-based' ? 700 : 400}>
                  {`${name(g)} ${fmtNumber(g.score, lang, { digits: 1 })}`}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <DataTable
        lang={lang}
        caption={summary}
        head={[t('col.score'), t('dist.games')]}
        rows={[
          ...counts.map((c, k) => ({ header: t('dist.band', { from: fmtNumber(ticks.min + k * width, lang, { digits: 1 }), to: fmtNumber(ticks.min + (k + 1) * width, lang, { digits: 1 }) }), cells: [fmtNumber(c, lang)] })),
          ...(ghosts ?? []).map((g) => ({ header: name(g), cells: [fmtNumber(g.score, lang, { digits: 1 })] })),
        ]}
      />
    </figure>
  );
}

function Separators({ lang, currency, seps }: { lang: Lang; currency: string; seps: readonly Separator[] }) {
  const { t } = useTranslation('classes');
  const f = useFeatureText(lang, currency);
  if (seps.length === 0) return <p className="muted">{t('sep.few')}</p>;
  return (
    <ol className="class-seps" data-testid="class-separators">
      {seps.map((s) => (
        <li key={s.feature}>{t('sep.line', { feature: f.name(s.feature), top: f.value(s.feature, s.top), bottom: f.value(s.feature, s.bottom) })}</li>
      ))}
    </ol>
  );
}

function GhostLine({ lang, scores, ghosts }: { lang: Lang; scores: readonly number[]; ghosts: readonly Ghost[] }) {
  const { t } = useTranslation('classes');
  const vb = ghosts.find((g) => g.policy === 'value-based');
  if (!vb) return null;
  return <p data-testid="class-beat">{t('dist.beat', { count: scores.filter((s) => s > vb.score).length, total: scores.length, score: fmtNumber(vb.score, lang, { digits: 1 }) })}</p>;
}

export function ClassInsights({ lang, code, rows, decisions, ghosts, noSolo, currency }: Props) {
  const { t } = useTranslation('classes');
  const id = useId();
  const f = useFeatureText(lang, currency);
  const [projector, setProjector] = useState(false);
  const standing = rows.filter((r) => r.rank !== null && r.score !== null);
  const scores = standing.map((r) => r.score!);
  const solo = rows.filter((r) => r.status === 'verified' && decisions[r.file]);
  const seps = separatingDecisions(solo.map((r) => ({ score: r.score!, decisions: decisions[r.file]! })));
  const [pick, setPick] = useState(solo[0]?.file ?? '');
  const log = decisions[pick] ?? decisions[solo[0]?.file ?? ''] ?? null;
  useEffect(() => {
    if (!projector) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setProjector(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [projector]);

  const ghostsBlock = ghosts ? <GhostLine lang={lang} scores={scores} ghosts={ghosts} /> : <p className="muted">{noSolo ? t('dist.ghostsNone') : t('dist.ghostsWait')}</p>;

  if (projector) {
    // On the body, above the page's header: the projector shows nothing else.
    return createPortal(
      <section className="stack class-projector" role="dialog" aria-modal="true" aria-labelledby={`${id}-pj`} data-testid="class-projector">
        <h2 id={`${id}-pj`}>{t('projector.title', { code })}</h2>
        <Distribution lang={lang} scores={scores} ghosts={ghosts} />
        {ghostsBlock}
        <h3>{t('sep.heading')}</h3>
        <Separators lang={lang} currency={currency} seps={seps} />
        <p>
          <button type="button" autoFocus data-testid="class-projector-close" onClick={() => setProjector(false)}>
            {t('projector.close')}
          </button>
        </p>
      </section>,
      document.body,
    );
  }

  return (
    <>
      <section className="card stack" aria-labelledby={`${id}-dist`} data-testid="class-distribution" data-ghosts={ghosts ? ghosts.length : 0}>
        <h2 id={`${id}-dist`}>{t('dist.heading')}</h2>
        {scores.length > 0 && <Distribution lang={lang} scores={scores} ghosts={ghosts} />}
        {ghostsBlock}
        <h3>{t('sep.heading')}</h3>
        <Separators lang={lang} currency={currency} seps={seps} />
        <p>
          <button type="button" data-testid="class-projector-open" onClick={() => setProjector(true)}>
            {t('projector.open')}
          </button>
        </p>
      </section>
      <section className="card stack" aria-labelledby={`${id}-dec`}>
        <h2 id={`${id}-dec`}>{t('decisions.heading')}</h2>
        {solo.length === 0 || !log ? (
          <p className="muted">{t('decisions.none')}</p>
        ) : (
          <>
            <label htmlFor={`${id}-pick`}>
              {t('decisions.pick')}{' '}
              <select id={`${id}-pick`} value={pick} data-testid="class-pick" onChange={(e) => setPick(e.target.value)}>
                {solo.map((r) => (
                  <option key={r.file} value={r.file}>
                    {`${r.player ?? r.file} (${fmtNumber(r.score ?? 0, lang, { digits: 1 })})`}
                  </option>
                ))}
              </select>
            </label>
            <div className="table-scroll">
              <table className="data" data-testid="class-decisions">
                <thead>
                  <tr>
                    <th scope="col">{t('decisions.decision')}</th>
                    {log.map((_, q) => (
                      <th key={q} scope="col" className="num">
                        {t('decisions.quarter', { n: q + 1 })}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {FEATURES.map((feat) => (
                    <tr key={feat}>
                      <th scope="row">{f.name(feat)}</th>
                      {log.map((d, q) => (
                        <td key={q} className="num">
                          {f.value(feat, featureOf(d, feat))}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}
