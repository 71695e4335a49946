/// <reference lib="webworker" />
/**
 * The Web Worker entry: routes each request of the protocol to the session and answers it.
 * A request that throws is a bug; it is answered with a `failure` so the page never hangs.
 */
import { errorText } from '../scenario/errorText';
import type { FromWorker, Request, Responses, ToWorker } from './protocol';
import { policyPlan } from './references';
import { advance, analytics, customerBase, explainAnswer, explainUnit, exportRun, importRun, loadSource, openSession, prepare, preview, query, record, rewind, snapshot, table, type Session } from './session';
import { transferableCopy } from './customers';
import { importDesk } from './importDesk';
import { frameBuffers } from './scene';
import { whaleCurve } from './whale';
import { Warmer } from './warmup';
import { explainMarketUnit, joinMarket, marketExplainRound, marketExport, marketSnapshot, openMarket, prepareMarket, resolveMarket, type MarketSession } from './market';

declare const self: DedicatedWorkerGlobalScope;

let session: Session | null = null;

/** The market in play, if any: its seats' firms become `session` one at a time (`marketSeat`). */
let market: MarketSession | null = null;
/** Warms the engine for the facilitator's first resolve (warmup.ts). */
const warmer = new Warmer();

function needMarket(): MarketSession {
  if (!market) throw new Error('no market is set up');
  return market;
}

/** A run file checked by `importRun`, waiting for the page to adopt or drop it. */
const imports = importDesk();

/** `explain` requests being worked on (oldest first). */
let explainJobs: { id: number; upTo: number; from: number }[] = [];

/** A new game: explanations asked of the old one are answered with nothing (the page ignores them). */
function adoptSession(s: Session): void {
  for (const j of explainJobs) post({ id: j.id, kind: 'result', type: 'explain', value: { from: j.from, revealed: false, attributions: [] } });
  explainJobs = [];
  session = s;
}

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer);
}

function need(): Session {
  if (!session) throw new Error('no game is loaded');
  return session;
}

async function handle(id: number, req: Request): Promise<void> {
  const progress = (done: number, total: number): void => post({ id, kind: 'progress', done, total });
  const answer = <T extends Request['type']>(type: T, value: Responses[T], transfer: Transferable[] = []): void =>
    post({ id, kind: 'result', type, value }, transfer);
  switch (req.type) {
    case 'start': {
      let decisions = req.decisions ?? [];
      if (req.autoplay) {
        const loaded = await loadSource(req.source, req.lang);
        if (!loaded.ok) return answer('start', loaded);
        decisions = policyPlan(loaded.scenario, req.seed, 'value-based', req.autoplay);
      }
      const r = await openSession(req.source, req.seed, decisions, req.lang, progress, req.classPlay);
      if (!r.ok) return answer('start', r);
      adoptSession(r.session);
      market = null;
      warmer.drop();
      return answer('start', { ok: true, game: snapshot(r.session) });
    }
    case 'preview':
      return answer('preview', preview(need(), req.decisions, req.lang));
    case 'advance':
      return answer('advance', advance(need(), req.decisions, false, req.lang));
    case 'rewind':
      adoptSession(rewind(need(), req.round));
      return answer('rewind', { game: snapshot(need()) });
    case 'customers': {
      const { table: t, buffers } = transferableCopy(table(need()));
      return answer('customers', t, buffers);
    }
    case 'query': {
      const order = query(need(), req.sort, req.descending, req.filter);
      return answer('query', { order }, [order.buffer]);
    }
    case 'record':
      return answer('record', record(need(), req.id));
    case 'analytics':
      return answer('analytics', analytics(need()));
    case 'customerBase': {
      // Built afresh for this request (copies of what the session keeps): its buffers can go.
      const frame = customerBase(need(), req.round);
      return answer('customerBase', frame, frame ? frameBuffers(frame) : []);
    }
    case 'explain':
      // Answered by the idle loop, a quarter at a time between other requests.
      need();
      explainJobs.push({ id, upTo: req.upTo, from: Math.max(1, req.from ?? 1) });
      return;
    case 'whale':
      return answer('whale', whaleCurve(need().state));
    case 'timeline': {
      const r = await openSession(req.source, req.seed, req.decisions, req.lang, progress, req.classPlay);
      if (!r.ok) return answer('timeline', r);
      return answer('timeline', { ok: true, summaries: r.session.summaries, score: r.session.state.score });
    }
    case 'exportRun':
      return answer('exportRun', exportRun(need()));
    case 'importRun': {
      imports.drop();
      const r = await importRun(new Uint8Array(req.bytes), req.fileName, req.lang, progress);
      if (!r.ok) return answer('importRun', r);
      const token = imports.hold(r.session);
      return answer('importRun', { ok: true, token, game: snapshot(r.session), source: r.session.source });
    }
    case 'adoptImport': {
      const checked = imports.take(req.token);
      if (checked) {
        adoptSession(checked);
        market = null;
        warmer.drop();
      }
      return answer('adoptImport', { ok: checked !== null });
    }
    case 'dropImport':
      imports.drop();
      return answer('dropImport', null);
    case 'marketStart': {
      const r = await openMarket(req.source, req.seed, req.seats, req.plans ?? [], req.lang, req.classCode);
      if (!r.ok) return answer('marketStart', r);
      market = r.market;
      adoptSession(market.firms[0]!);
      warmer.start(market);
      return answer('marketStart', { ok: true, market: marketSnapshot(market) });
    }
    case 'marketSeat': {
      const firm = needMarket().firms[req.seat];
      if (!firm) throw new Error(`the market has no seat ${req.seat}`);
      adoptSession(firm);
      return answer('marketSeat', { game: snapshot(firm) });
    }
    case 'marketResolve':
      return answer('marketResolve', resolveMarket(needMarket(), req.plans, req.lang));
    case 'marketExport':
      return answer('marketExport', marketExport(needMarket()));
    case 'marketJoin': {
      const r = await joinMarket(new Uint8Array(req.bytes), req.fileName, req.lang);
      if (!r.ok) return answer('marketJoin', r);
      market = r.session;
      adoptSession(market.firms[0]!);
      warmer.drop();
      return answer('marketJoin', { ok: true, market: r.market, source: r.source, seats: r.seats, played: r.played });
    }
    default: {
      const never: never = req;
      throw new Error(`unknown request ${JSON.stringify(never)}`);
    }
  }
}

// Idle time: the explainer prepares the next quarter one counterfactual quarter at a time,
// and stops as soon as a request waits (each piece is one quarter of the model at most).
let waiting = 0;
let idle: ReturnType<typeof setTimeout> | null = null;
function idleWork(): void {
  idle = null;
  if (waiting > 0 || !session) return;
  const job = explainJobs[0];
  if (job) {
    try {
      // A market's firm is explained with its rivals as decision makers (src/sim/market/explain.ts).
      const seat = session.market && market ? market.firms.indexOf(session) : -1;
      const done = seat >= 0 ? explainMarketUnit(market!, seat, job.upTo, job.from) : explainUnit(session, job.upTo, job.from);
      if (done) {
        explainJobs.shift();
        post({ id: job.id, kind: 'result', type: 'explain', value: explainAnswer(session, job.from, done) });
      } else {
        const at = seat >= 0 ? marketExplainRound(market!) : (session.explainer?.round ?? 0);
        post({ id: job.id, kind: 'progress', done: at, total: Math.min(job.upTo, session.decisions.length) });
      }
    } catch (error: unknown) {
      explainJobs.shift();
      post({ id: job.id, kind: 'failure', message: errorText(error) });
    }
    scheduleIdle();
    return;
  }
  try {
    // A market: the computer firms' next plans first (the resolve waits for them), then warming
    // the engine for the facilitator's first resolve (warmup.ts), then the solo explainer's work.
    if ((market && (prepareMarket(market) || warmer.step())) || prepare(session)) scheduleIdle();
  } catch (error: unknown) {
    console.error('preparing the next explanation failed', error);
  }
}
function scheduleIdle(): void {
  idle ??= setTimeout(idleWork, 0);
}

// Requests are handled one at a time, in order: a preview never races an advance.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<ToWorker>) => {
  const { id, request } = e.data;
  waiting++;
  queue = queue
    .then(() =>
      handle(id, request).catch((error: unknown) => {
        post({ id, kind: 'failure', message: errorText(error) });
      }),
    )
    .finally(() => {
      waiting--;
      scheduleIdle();
    });
};
