import { describe, expect, it } from 'vitest';
import { fieldDoc, keysOf, schemaAt, type SchemaNode } from './schemaWalk';
import { scenarioJsonSchema } from './jsonSchema';

const schema = scenarioJsonSchema() as SchemaNode;

describe('reading the scenario schema at a path', () => {
  it('the keys an object takes, required ones marked', () => {
    const keys = keysOf(schemaAt(schema, ['firm']));
    expect(keys.map((k) => k.name)).toEqual(expect.arrayContaining(['cash', 'headcount', 'budget', 'insolvency']));
    expect(keys.find((k) => k.name === 'cash')?.required).toBe(true);
  });
  it('a field\'s description and range', () => {
    const d = fieldDoc(schemaAt(schema, ['events', 0, 'round']));
    expect(d).toMatchObject({ types: ['integer'], minimum: 1, maximum: 40 });
    expect(d.description).toMatch(/Round/);
  });
  it('a union member is chosen by the document\'s discriminator', () => {
    const doc = { events: [{ effects: [{ kind: 'rivalPrice' }] }] };
    const keys = keysOf(schemaAt(schema, ['events', 0, 'effects', 0], doc)).map((k) => k.name);
    expect(keys).toEqual(['kind', 'delta', 'rounds']);
    // Without one, every member's keys, and the kinds as the values `kind` takes.
    expect(fieldDoc(schemaAt(schema, ['events', 0, 'effects', 0, 'kind'])).values).toEqual(expect.arrayContaining(['rivalPressure', 'cash', 'churn']));
  });
  it('a path the schema does not have reads as nothing', () => {
    expect(schemaAt(schema, ['firm', 'nope'])).toEqual([]);
  });
});
