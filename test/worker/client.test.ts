// The page's worker client: answers reach the right caller, progress arrives before the
// answer, a worker failure rejects instead of hanging.
import { describe, expect, it } from 'vitest';
import { createClient, type Endpoint } from '../../src/store/workerClient';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

function fakeWorker() {
  const sent: ToWorker[] = [];
  const ep: Endpoint = { onmessage: null, postMessage: (m) => void sent.push(m) };
  const reply = (m: FromWorker) => ep.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  return { ep, sent, reply };
}

describe('worker client', () => {
  it('matches answers to requests by id, whatever the order', async () => {
    const w = fakeWorker();
    const c = createClient(w.ep);
    const a = c.call({ type: 'record', id: 1 });
    const b = c.call({ type: 'record', id: 2 });
    const [ra, rb] = w.sent;
    w.reply({ id: rb!.id, kind: 'result', type: 'record', value: null });
    w.reply({ id: ra!.id, kind: 'result', type: 'record', value: { id: 1, tiers: [], revenue: [], events: [], referred: [], before: [] } });
    expect(await b).toBeNull();
    expect((await a)?.id).toBe(1);
  });

  it('passes progress to the caller before the answer', async () => {
    const w = fakeWorker();
    const c = createClient(w.ep);
    const seen: string[] = [];
    const p = c.call({ type: 'customers' }, (done, total) => seen.push(`${done}/${total}`));
    const id = w.sent[0]!.id;
    w.reply({ id, kind: 'progress', done: 1, total: 3 });
    w.reply({ id, kind: 'progress', done: 3, total: 3 });
    w.reply({ id, kind: 'failure', message: 'boom' });
    await expect(p).rejects.toThrow('boom');
    expect(seen).toEqual(['1/3', '3/3']);
  });

  it('rejects every pending call when the worker dies', async () => {
    const w = fakeWorker();
    const c = createClient(w.ep);
    const p = c.call({ type: 'analytics' });
    c.failAll('worker crashed');
    await expect(p).rejects.toThrow('worker crashed');
  });
});
