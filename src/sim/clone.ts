import { copyCustomers } from './customers';
import { clonePlain } from './decisions/plans';
import type { SimState } from './state';

/** A deep copy of a state: its own typed arrays and plain data; its table with room for `capacity` customers (by default as much as it has). */
export function cloneState(s: SimState, capacity = s.customers.capacity): SimState {
  return {
    ...s,
    customers: copyCustomers(s.customers, capacity),
    firm: { ...s.firm, systems: { ...s.firm.systems }, valuedPrice: [...s.firm.valuedPrice], valuedServe: [...s.firm.valuedServe] },
    tiering: clonePlain(s.tiering),
    lastDecisions: clonePlain(s.lastDecisions),
    effects: clonePlain(s.effects),
    objectivesMet: [...s.objectivesMet],
  };
}
