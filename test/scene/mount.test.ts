// Mounting the Phaser game from a React effect while its chunk loads: React StrictMode mounts,
// disposes and mounts again, and hot reload disposes mid-load. Whatever the order, at most one
// game is alive, each one created is destroyed exactly once, and errors are reported only
// while someone is still mounted to hear them.
import { describe, expect, it, vi } from 'vitest';
import { mountLoaded, type Destroyable } from '../../src/ui/firm/mount';

/** A promise the test resolves or rejects when it wants (the chunk's import). */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

interface Module {
  name: string;
}

/** Games made by `create`, with how often each was destroyed. */
function factory() {
  const made: { from: string; destroyed: number }[] = [];
  const create = (m: Module): Destroyable & { from: string } => {
    const game = { from: m.name, destroyed: 0 };
    made.push(game);
    return {
      from: m.name,
      destroy: () => {
        game.destroyed++;
      },
    };
  };
  const alive = () => made.filter((g) => g.destroyed === 0).length;
  return { made, create, alive };
}

describe('mountLoaded', () => {
  it('creates the thing once the load resolves, and not before', async () => {
    const load = deferred<Module>();
    const f = factory();
    const onError = vi.fn();
    const m = mountLoaded(() => load.promise, f.create, onError);
    await settle();
    expect(m.current()).toBeNull();
    expect(f.made).toHaveLength(0);
    load.resolve({ name: 'scenes' });
    await settle();
    expect(f.made).toHaveLength(1);
    expect(m.current()?.from).toBe('scenes');
    expect(onError).not.toHaveBeenCalled();
  });

  it('creates nothing when disposed before the load resolves', async () => {
    const load = deferred<Module>();
    const f = factory();
    const m = mountLoaded(() => load.promise, f.create, vi.fn());
    m.dispose();
    load.resolve({ name: 'late' });
    await settle();
    expect(f.made).toHaveLength(0);
    expect(m.current()).toBeNull();
  });

  it('survives StrictMode (mount, dispose, mount again on one load): exactly one alive', async () => {
    const load = deferred<Module>();
    const f = factory();
    const onError = vi.fn();
    const first = mountLoaded(() => load.promise, f.create, onError);
    first.dispose();
    const second = mountLoaded(() => load.promise, f.create, onError);
    load.resolve({ name: 'scenes' });
    await settle();
    expect(f.made).toHaveLength(1);
    expect(f.alive()).toBe(1);
    expect(first.current()).toBeNull();
    expect(second.current()).not.toBeNull();
    second.dispose();
    expect(f.alive()).toBe(0);
    expect(f.made[0]!.destroyed).toBe(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it('survives a hot reload (loaded, disposed, a new module loads): the old one destroyed once, one alive', async () => {
    const f = factory();
    const v1 = deferred<Module>();
    const a = mountLoaded(() => v1.promise, f.create, vi.fn());
    v1.resolve({ name: 'v1' });
    await settle();
    const v2 = deferred<Module>();
    a.dispose();
    const b = mountLoaded(() => v2.promise, f.create, vi.fn());
    expect(f.alive()).toBe(0);
    v2.resolve({ name: 'v2' });
    await settle();
    expect(f.made.map((g) => [g.from, g.destroyed])).toEqual([['v1', 1], ['v2', 0]]);
    expect(b.current()?.from).toBe('v2');
    expect(a.current()).toBeNull();
  });

  it('destroys what it created exactly once, however often it is disposed', async () => {
    const f = factory();
    const m = mountLoaded(() => Promise.resolve({ name: 'x' }), f.create, vi.fn());
    await settle();
    m.dispose();
    m.dispose();
    await settle();
    m.dispose();
    expect(f.made).toHaveLength(1);
    expect(f.made[0]!.destroyed).toBe(1);
    expect(m.current()).toBeNull();
  });

  it('reports a load error while mounted, and not after dispose', async () => {
    const f = factory();
    const live = deferred<Module>();
    const heard = vi.fn();
    mountLoaded(() => live.promise, f.create, heard);
    const err = new Error('chunk failed');
    live.reject(err);
    await settle();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith(err);

    const gone = deferred<Module>();
    const silent = vi.fn();
    const m = mountLoaded(() => gone.promise, f.create, silent);
    m.dispose();
    gone.reject(new Error('too late'));
    await settle();
    expect(silent).not.toHaveBeenCalled();
    expect(f.made).toHaveLength(0);
  });

  it('reports an error thrown by create, leaving nothing mounted', async () => {
    const boom = new Error('no WebGL');
    const onError = vi.fn();
    const m = mountLoaded(
      () => Promise.resolve({ name: 'x' }),
      (): Destroyable => {
        throw boom;
      },
      onError,
    );
    await settle();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(boom);
    expect(m.current()).toBeNull();
    expect(() => m.dispose()).not.toThrow();
  });
});
