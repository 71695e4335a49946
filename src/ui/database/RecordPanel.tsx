/**
 * One customer's record, in a modal side panel (a native <dialog>: the page behind is inert,
 * Escape closes it): who it is, its key figures, its quarter-by-quarter history and its
 * events in words. Referrer and referred customers open their own records.
 */
import './messages'; // registers the 'database' messages (they load with this screen)
import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../scenario/errorText';
import { useStore } from '../../store/index';
import type { CustomerRecord, CustomerTable } from '../../worker/protocol';
import { fmtMoney, fmtNumber } from '../format';
import { cellText, fmtInfluence, fmtPotential, tierCell, tierName, type CellContext } from './columns';
import { eventsByQuarter } from './eventText';
import { historyRows } from './history';

/** Referred customers listed before "and N more". */
const MAX_REFERRED = 24;

interface Props {
  id: number;
  table: CustomerTable | null;
  ctx: CellContext;
  /** Identifies the game state; the record is fetched again when it changes. */
  stateKey: string;
  onClose: () => void;
  onOpen: (id: number) => void;
}

type Loaded = { id: number; stateKey: string; record: CustomerRecord | null; error: string | null };

export function RecordPanel({ id, table, ctx, stateKey, onClose, onOpen }: Props) {
  const { t } = useTranslation('database');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    const d = dialogRef.current;
    if (d && !d.open) d.showModal();
  }, []);

  // Focus moves into the panel whenever it shows a (new) customer.
  useEffect(() => {
    headingRef.current?.focus();
  }, [id]);

  useEffect(() => {
    let live = true;
    useStore
      .getState()
      .customerRecord(id)
      .then(
        (record) => live && setLoaded({ id, stateKey, record, error: null }),
        (e: unknown) => live && setLoaded({ id, stateKey, record: null, error: errorText(e) }),
      );
    return () => {
      live = false;
    };
  }, [id, stateKey]);

  const current = loaded && loaded.id === id && loaded.stateKey === stateKey ? loaded : null;
  const record = current?.record ?? null;
  const inTable = table !== null && id >= 0 && id < table.count;
  const { lang, currency } = ctx;
  const money = (x: number) => fmtMoney(x, currency, lang, { full: true });

  const history = useMemo(() => (record ? historyRows(record) : []), [record]);
  const events = useMemo(() => (record ? eventsByQuarter(record, { t, tierName: (k) => tierName(k, ctx) }) : []), [record, t, ctx]);

  const onDialogClick = (e: MouseEvent<HTMLDialogElement>) => {
    // A click on the backdrop lands on the dialog itself (its content fills it otherwise).
    if (e.target === e.currentTarget) onClose();
  };

  const link = (other: number) => (
    <button key={other} type="button" className="link db-link" onClick={() => onOpen(other)} aria-label={t('record.open', { id: other })}>
      #{other}
    </button>
  );

  const referrer = inTable ? table.referredBy[id]! : -1;
  const referred = record?.referred ?? [];

  return (
    <dialog
      ref={dialogRef}
      className="db-record"
      aria-labelledby={headingId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={onDialogClick}
    >
      <div className="db-record-inner">
        <header className="db-record-head">
          <h2 id={headingId} ref={headingRef} tabIndex={-1}>
            {t('record.title', { id })}
          </h2>
          <button type="button" onClick={onClose}>
            <span aria-hidden="true">✕ </span>
            {t('record.close')}
          </button>
        </header>

        {inTable && (
          <dl className="db-facts">
            <div>
              <dt>{t('columns.tier')}</dt>
              <dd>{tierCell(table, id, ctx)}</dd>
            </div>
            <div>
              <dt>{t('columns.status')}</dt>
              <dd>{cellText('status', table, id, ctx)}</dd>
            </div>
            <div>
              <dt>{t('columns.stage')}</dt>
              <dd>{cellText('stage', table, id, ctx)}</dd>
            </div>
            <div>
              <dt>{t('columns.source')}</dt>
              <dd>{cellText('source', table, id, ctx)}</dd>
            </div>
            {referrer >= 0 && (
              <div>
                <dt>{t('record.referredBy')}</dt>
                <dd>{link(referrer)}</dd>
              </div>
            )}
          </dl>
        )}

        {referred.length > 0 && (
          <section aria-labelledby={`${headingId}-ref`}>
            <h3 id={`${headingId}-ref`}>{t('record.referred', { count: referred.length })}</h3>
            <p className="db-links">
              {referred.slice(0, MAX_REFERRED).map(link)}
              {referred.length > MAX_REFERRED && <span className="muted">{t('record.more', { count: referred.length - MAX_REFERRED })}</span>}
            </p>
          </section>
        )}

        {inTable && (
          <section aria-labelledby={`${headingId}-fig`}>
            <h3 id={`${headingId}-fig`}>{t('record.figures')}</h3>
            <dl className="db-figures">
              <Figure label={t('columns.revenue')} value={money(table.revenue[id]!)} />
              <Figure label={t('columns.lastRevenue')} value={money(table.lastRevenue[id]!)} />
              <Figure label={t('columns.profit')} value={money(table.profit[id]!)} />
              <Figure label={t('columns.cumRevenue')} value={money(table.cumRevenue[id]!)} />
              <Figure label={t('columns.influence')} value={fmtInfluence(table.influence[id]!, lang)} />
              <Figure label={t('columns.potential')} value={fmtPotential(table.potential[id]!, lang)} />
              <Figure label={t('columns.tenure')} value={fmtNumber(table.tenure[id]!, lang)} />
              <Figure label={t('columns.joined')} value={cellText('joined', table, id, ctx)} />
              {table.status[id] === 1 && table.left[id]! > 0 && <Figure label={t('columns.left')} value={ctx.quarter(table.left[id]!)} />}
              <Figure label={t('columns.failures')} value={fmtNumber(table.failures[id]!, lang)} />
              <Figure label={t('columns.complaints')} value={fmtNumber(table.complaints[id]!, lang)} />
            </dl>
            <p className="muted db-note">{t('record.estimates')}</p>
            {record && record.before.length > 0 && (
              <p className="muted db-note" data-testid="record-before">
                {t('record.beforeNote', { count: record.before.length })}
              </p>
            )}
          </section>
        )}

        {!current && <p role="status">{t('record.loading')}</p>}
        {current && !record && <p role="alert">{current.error ? t('loadFailed', { message: current.error }) : t('record.missing')}</p>}

        {record && history.length > 0 && (
          <section aria-labelledby={`${headingId}-hist`}>
            <h3 id={`${headingId}-hist`}>{t('record.history')}</h3>
            <table className="data db-history">
              <caption className="sr-only">{t('record.historyCaption', { id })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('record.colQuarter')}</th>
                  <th scope="col">{t('record.colTier')}</th>
                  <th scope="col" className="num">
                    {t('record.colRevenue')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.round}>
                    <th scope="row">{h.state === 'beforeGame' ? t('record.quartersBefore', { count: 1 - h.round }) : ctx.quarter(h.round)}</th>
                    <td>
                      {h.state === 'beforeGame' ? (
                        <span className="muted">{t('record.beforeGame')}</span>
                      ) : h.state === 'notYet' ? (
                        <span className="muted">{t('record.notYet')}</span>
                      ) : h.state === 'lapsed' ? (
                        ctx.status[1]
                      ) : (
                        <>
                          {h.move && (
                            <span className={h.move === 'up' ? 'db-move up' : 'db-move down'}>
                              <span aria-hidden="true">{h.move === 'up' ? '▲' : '▼'}</span>
                              <span className="sr-only">{t(h.move === 'up' ? 'record.movedUp' : 'record.movedDown')}</span>
                            </span>
                          )}
                          {h.tier !== null ? tierName(h.tier, ctx) : ctx.noTier}
                        </>
                      )}
                    </td>
                    <td className="num">{h.state === 'notYet' ? '' : money(h.revenue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}

        {record && (
          <section aria-labelledby={`${headingId}-ev`}>
            <h3 id={`${headingId}-ev`}>{t('record.events')}</h3>
            {events.length === 0 ? (
              <p className="muted">{t('record.noEvents')}</p>
            ) : (
              <ol className="db-events">
                {events.map((q) => (
                  <li key={q.round}>
                    <span className="db-event-q">{ctx.quarter(q.round)}</span>
                    <ul>
                      {q.sentences.map((s, k) => (
                        <li key={k}>{s}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            )}
          </section>
        )}
      </div>
    </dialog>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className="num">{value}</dd>
    </div>
  );
}
