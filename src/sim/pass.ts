/**
 * A pass of the round: one system of the model, declared as data with what it reads and what
 * it writes (after Bevy's systems and schedules). The round runs the passes in the order of
 * `passes.ts`; a pass sees only the fields of the round's context it declares (the type of
 * its `run` says so, and the compiler holds it to it), and `test/sim/passes.test.ts` watches a
 * round field by field and customer column by column to check that every declaration is true.
 */
import type { RoundContext, ContextKey } from './context';
import type { Column } from './customers';
import type { Firm, SimState } from './state';

/** A customer column, the customer table as a whole (rows added), a field of the firm, or another part of the state. */
export type StateAccess =
  | 'customers'
  | `customers.${Column['name']}`
  | `firm.${Exclude<keyof Firm, 'systems'>}`
  | 'firm.systems'
  | `state.${Exclude<keyof SimState, 'customers' | 'firm'>}`;

/** What a pass may read or write: a field of the round's context, or a part of the state. */
export type Access = ContextKey | StateAccess;

/** The context fields named by accesses; a part of the state is reached through `s`. */
type ContextOf<A extends Access> = Extract<A, ContextKey> | ([Exclude<A, ContextKey>] extends [never] ? never : 's');

/** What a pass with reads `R` and writes `W` sees: the written fields, and the read ones read-only. */
export type Slice<R extends Access, W extends Access> = Readonly<Pick<RoundContext, Exclude<ContextOf<R>, ContextOf<W>>>> & Pick<RoundContext, ContextOf<W>>;

/** A pass as the round runs it. */
export interface Pass {
  /** Its name in the benchmark's breakdown and in messages. */
  readonly name: string;
  /** The steps of MODEL.md section 4 it plays (a pass may play several in one walk over the customers). */
  readonly steps: readonly number[];
  /** What it does, in a line. */
  readonly doc: string;
  readonly reads: readonly Access[];
  readonly writes: readonly Access[];
  run(ctx: RoundContext): void;
}

/** Declares a pass; its `run` sees exactly the declared fields. */
export function definePass<const R extends Access, const W extends Access>(spec: {
  name: string;
  steps: readonly number[];
  doc: string;
  reads: readonly R[];
  writes: readonly W[];
  run(ctx: Slice<R, W>): void;
}): Pass {
  return spec as unknown as Pass;
}
