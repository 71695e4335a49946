/** The decision catalogue and what is derived from it inside the engine (see `catalogue.ts`). */
export * from './catalogue';
export * from './check';
export * from './plans';
export * from './problems';
export { DECISION_TREE, childrenFor, modeChild, ruleOf, type ChildRule, type DecisionNode, type ListNode, type LeafNode, type ObjectNode } from './tree';
