/**
 * A small typed event bus: one per game, shared by the React host and the Phaser scenes.
 * `on` returns the function that removes exactly that listener, so a scene or a component
 * removes only its own; nothing is global, so two games (StrictMode, hot reload) never
 * hear each other.
 */
export type Listener<T> = (payload: T) => void;

/** One registration: its own object, so the same function added twice is two listeners. */
interface Entry {
  fn: Listener<never>;
}

export class Bus<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Entry>>();

  /**
   * Adds `fn` for `type`; returns its remover. Each call is its own listener: the same
   * function added twice (two scenes sharing a handler) is called twice, and each remover
   * removes only its own registration (calling it again does nothing).
   */
  on<K extends keyof Events>(type: K, fn: Listener<Events[K]>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    const entry: Entry = { fn: fn as Listener<never> };
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  /** Calls every listener of `type` in the order they were added. A listener may remove itself. */
  emit<K extends keyof Events>(type: K, payload: Events[K]): void {
    const set = this.listeners.get(type);
    if (!set) return;
    for (const e of [...set]) (e.fn as Listener<Events[K]>)(payload);
  }

  /** Listeners of `type`, or of every type (leak checks in tests). */
  count(type?: keyof Events): number {
    if (type !== undefined) return this.listeners.get(type)?.size ?? 0;
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
