import { copyCustomers } from './customers';
import type { SimState } from './state';

/** A deep copy of a state: its own typed arrays and plain data. */
export function cloneState(s: SimState): SimState {
  return {
    ...s,
    customers: copyCustomers(s.customers, s.customers.capacity),
    firm: { ...s.firm, systems: { ...s.firm.systems } },
    tiering: structuredClone(s.tiering),
    lastDecisions: structuredClone(s.lastDecisions),
    effects: structuredClone(s.effects),
    objectivesMet: [...s.objectivesMet],
  };
}
