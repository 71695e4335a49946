import { pow } from '../math';
import type { ModelParams } from '../params';

/**
 * Time staff give a service task under work pressure `workload` (demand / capacity), as a share
 * of the time they would like to give (Oliva & Sterman, K6): desired x p^exponent above
 * capacity, all of it at or below. The floor view shows the same figure (through the worker).
 */
export function pressedTime(P: ModelParams, workload: number): number {
  return workload > 1 ? pow(workload, P.employees.pressureExponent) : 1;
}
