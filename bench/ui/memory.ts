/**
 * Memory of the page and its worker through the Chrome DevTools Protocol, for
 * `npm run bench:ui`: heap after a forced full garbage collection, and counts of live
 * objects that tell what stays (canvas elements, firm screens, document listeners).
 */
import type { CDPSession, Page } from 'playwright-core';

/** Runtime.getHeapUsage after HeapProfiler.collectGarbage, bytes. */
export interface HeapUsage {
  /** V8's JavaScript heap in use. */
  used: number;
  /** V8's JavaScript heap reserved. */
  total: number;
  /** Blink's own heap (DOM nodes, CSS, ...), where Chromium reports it. */
  embedder: number | null;
  /** ArrayBuffer backing stores (typed arrays, e.g. the scene's frames), where Chromium reports it. */
  backing: number | null;
}

interface RawHeapUsage {
  usedSize: number;
  totalSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

const toUsage = (h: RawHeapUsage): HeapUsage => ({ used: h.usedSize, total: h.totalSize, embedder: h.embedderHeapUsedSize ?? null, backing: h.backingStorageSize ?? null });

export async function pageHeap(cdp: CDPSession): Promise<HeapUsage> {
  await cdp.send('HeapProfiler.collectGarbage');
  return toUsage((await cdp.send('Runtime.getHeapUsage')) as RawHeapUsage);
}

/** Live objects whose prototype chain has `proto` (an expression), optionally filtered by `filter` (a function source run on the array). */
async function countLive(cdp: CDPSession, proto: string, filter = 'function () { return this.length; }'): Promise<number> {
  const group = 'bench-ui-count';
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: proto, objectGroup: group });
    if (!result.objectId) throw new Error(`${proto} is not an object`);
    // queryObjects runs a full garbage collection first.
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId, objectGroup: group });
    const r = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId!, functionDeclaration: filter, returnByValue: true });
    return Number(r.result.value);
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group }).catch(() => undefined);
  }
}

export interface LiveCounts {
  /** Canvas elements in the document. */
  inDocument: number;
  /** Canvas elements alive in the page's heap, attached or not (Phaser keeps a pool of them). */
  canvases: number;
  /** [data-testid="firm-stage"] elements alive, in the document or detached: each is a firm screen kept in memory. */
  firmStages: number;
  /** visibilitychange listeners on the document (Phaser adds one per game). */
  visibilityListeners: number;
  /** All listeners on the document and on window. */
  documentListeners: number;
  windowListeners: number;
}

async function listeners(cdp: CDPSession, expression: string): Promise<{ type: string }[]> {
  const { result } = await cdp.send('Runtime.evaluate', { expression });
  try {
    return (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! })).listeners;
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId! }).catch(() => undefined);
  }
}

export async function liveCounts(page: Page, cdp: CDPSession): Promise<LiveCounts> {
  const doc = await listeners(cdp, 'document');
  const win = await listeners(cdp, 'window');
  return {
    inDocument: await page.evaluate(() => document.querySelectorAll('canvas').length),
    canvases: await countLive(cdp, 'HTMLCanvasElement.prototype'),
    firmStages: await countLive(cdp, 'HTMLDivElement.prototype', 'function () { return this.filter((d) => d.dataset.testid === "firm-stage").length; }'),
    visibilityListeners: doc.filter((l) => l.type === 'visibilitychange').length,
    documentListeners: doc.length,
    windowListeners: win.length,
  };
}

/**
 * The page's dedicated workers, reached with the (older, non-flattened) Target messages of
 * the page's own CDP session, so Playwright's sessions are untouched. Call `attach` before
 * the page starts its worker.
 */
export class Workers {
  private readonly sessions: string[] = [];
  private readonly pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  private id = 0;

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') this.sessions.push(e.sessionId);
    });
    cdp.on('Target.detachedFromTarget', (e) => {
      const i = this.sessions.indexOf(e.sessionId ?? '');
      if (i >= 0) this.sessions.splice(i, 1);
    });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      const p = m.id === undefined ? undefined : this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id!);
      if (m.error) p.fail(new Error(m.error.message));
      else p.ok(m.result);
    });
  }

  attach(): Promise<unknown> {
    return this.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  }

  get count(): number {
    return this.sessions.length;
  }

  private send(sessionId: string, method: string, params: object = {}): Promise<unknown> {
    const id = ++this.id;
    return new Promise((ok, fail) => {
      this.pending.set(id, { ok, fail });
      const timer = setTimeout(() => {
        if (this.pending.delete(id)) fail(new Error(`worker did not answer ${method} within 10 s`));
      }, 10_000);
      const done = this.pending.get(id)!;
      this.pending.set(id, { ok: (v) => (clearTimeout(timer), done.ok(v)), fail: (e) => (clearTimeout(timer), done.fail(e)) });
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((e: unknown) => {
        this.pending.delete(id);
        clearTimeout(timer);
        fail(e instanceof Error ? e : new Error(String(e)));
      });
    });
  }

  /** Heap of the newest worker after a full collection, or null if there is none. */
  async heap(): Promise<HeapUsage | null> {
    const s = this.sessions.at(-1);
    if (!s) return null;
    await this.send(s, 'HeapProfiler.collectGarbage');
    return toUsage((await this.send(s, 'Runtime.getHeapUsage')) as RawHeapUsage);
  }
}
