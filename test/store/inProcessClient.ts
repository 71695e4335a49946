/**
 * A worker client that answers like src/worker/simWorker.ts, with the real session functions
 * and import desk in-process, for the store's Node tests. Both ways structured clones, like
 * postMessage (the store's state is frozen by Immer).
 */
import { importDesk } from '../../src/worker/importDesk';
import type { Request } from '../../src/worker/protocol';
import * as session from '../../src/worker/session';

export function inProcessClient() {
  let s: session.Session | null = null;
  const imports = importDesk();
  const calls: string[] = [];
  const need = () => {
    if (!s) throw new Error('no game');
    return s;
  };
  const handle = async (req: Request): Promise<unknown> => {
    calls.push(req.type);
    switch (req.type) {
      case 'start': {
        const r = await session.openSession(req.source, req.seed, req.decisions ?? [], req.lang);
        if (!r.ok) return r;
        s = r.session;
        return { ok: true, game: session.snapshot(s) };
      }
      case 'preview':
        return session.preview(need(), req.decisions);
      case 'advance':
        return session.advance(need(), req.decisions);
      case 'rewind':
        s = session.rewind(need(), req.round);
        return { game: session.snapshot(s) };
      case 'explain':
        return session.explainAnswer(need(), Math.max(1, req.from ?? 1), session.explain(need(), req.upTo, req.from ?? 1));
      case 'timeline': {
        const r = await session.openSession(req.source, req.seed, req.decisions, req.lang);
        if (!r.ok) return r;
        return { ok: true, summaries: r.session.summaries, score: r.session.state.score };
      }
      case 'exportRun':
        return session.exportRun(need());
      case 'importRun': {
        imports.drop();
        const r = await session.importRun(new Uint8Array(req.bytes), req.fileName, req.lang);
        if (!r.ok) return r;
        return { ok: true, token: imports.hold(r.session), game: session.snapshot(r.session), source: r.session.source };
      }
      case 'adoptImport': {
        const checked = imports.take(req.token);
        if (checked) s = checked;
        return { ok: checked !== null };
      }
      case 'dropImport':
        imports.drop();
        return null;
      default:
        throw new Error(`not in this test: ${req.type}`);
    }
  };
  return {
    calls,
    /** The worker's current game (tests look at it directly). */
    current: () => s,
    client: { call: (async (req: Request) => structuredClone(await handle(structuredClone(req)))) as never, failAll: () => undefined },
  };
}
