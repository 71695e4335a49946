/**
 * Building blocks of the scenario schema: numbers with ranges, ids, texts, trait
 * distributions. Each remembers what it expects (see {@link expectationOf}) so that an
 * error can say "expected a number from 0 to 500" even when the value has the wrong type.
 */
import { z } from 'zod';
import { ID_MAX_LENGTH, ID_PATTERN, MONEY_MAX } from '../sim/decisions/catalogue';
import type { Expectation } from './problem';

export { ID_MAX_LENGTH, ID_PATTERN, MONEY_MAX };

// A WeakMap instead of `.meta()`: metadata would leak into the generated JSON Schema.
const expectations = new WeakMap<object, Expectation>();

function tag<T extends z.ZodType>(schema: T, e: Expectation): T {
  expectations.set(schema, e);
  return schema;
}

/** What a leaf schema built here expects, or `undefined` for other schemas. */
export function taggedExpectation(schema: object): Expectation | undefined {
  return expectations.get(schema);
}

/** A number in `[min, max]`. */
export function num(min: number, max: number, doc: string): z.ZodNumber {
  return tag(z.number().min(min).max(max).describe(doc), { kind: 'number', min, max, int: false });
}

/** An integer in `[min, max]`. */
export function int(min: number, max: number, doc: string): z.ZodNumber {
  return tag(z.number().int().min(min).max(max).describe(doc), { kind: 'number', min, max, int: true });
}

/** Money, `0..MONEY_MAX`. */
export function money(doc: string): z.ZodNumber {
  return tag(z.number().min(0).max(MONEY_MAX).describe(`${doc} (money, ≥ 0).`), { kind: 'money', max: MONEY_MAX });
}

/** A number above 0 and at most `max`. */
export function positive(max: number, doc: string): z.ZodNumber {
  return tag(z.number().gt(0).max(max).describe(doc), { kind: 'number', min: 0, max, int: false, exclusiveMin: true });
}

/** A round number 1..40 (the scenario's own round count is checked by the semantic pass). */
export function round(doc: string): z.ZodNumber {
  return int(1, 40, doc);
}

/** An id such as `gold`. */
export function id(doc: string): z.ZodString {
  return tag(z.string().max(ID_MAX_LENGTH).regex(ID_PATTERN).describe(`${doc} Lower-case letters, digits and dashes.`), { kind: 'id' });
}

/** A plain string of at most `maxLength` characters. */
export function text(maxLength: number, doc: string): z.ZodString {
  return tag(z.string().min(1).max(maxLength).describe(doc), { kind: 'text', maxLength });
}

/** One of the `values`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, doc: string): z.ZodEnum<{ [K in T[number]]: K }> {
  return tag(z.enum(values).describe(doc), { kind: 'oneOf', values });
}

/** true or false. */
export function bool(doc: string): z.ZodBoolean {
  return tag(z.boolean().describe(doc), { kind: 'boolean' });
}

/** Learner-facing text in English and/or Chinese, each at most `maxLength` characters. */
export function localText(maxLength: number, doc: string) {
  const part = (lang: string) => text(maxLength, `The text in ${lang}.`).optional();
  const schema = z
    .strictObject({ en: part('English'), 'zh-CN': part('Simplified Chinese') })
    .refine((t) => t.en !== undefined || t['zh-CN'] !== undefined)
    .meta({ minProperties: 1 })
    .describe(`${doc} Give "en", "zh-CN" or both; a reader falls back to the other language.`);
  return tag(schema, { kind: 'localText' });
}

/** A trait drawn uniformly in `mean ± spread`, clamped to `[min, max]`. */
export function trait(min: number, max: number, unit: string, doc: string) {
  return z
    .strictObject({
      mean: num(min, max, `Mean, ${unit} ${min}..${max}.`),
      spread: num(0, max - min, 'Half-width of the uniform spread around the mean; draws are clamped to the range.'),
    })
    .describe(doc);
}

/** A list of `min..max` items. */
export function listOf<T extends z.ZodType>(item: T, min: number, max: number, doc: string): z.ZodArray<T> {
  return tag(z.array(item).min(min).max(max).describe(doc), { kind: 'list', min, max });
}

/** Marks a union of event targets for error messages. */
export function tagTarget<T extends z.ZodType>(schema: T): T {
  return tag(schema, { kind: 'target' });
}

/** Marks the currency code. */
export function currency(doc: string): z.ZodString {
  return tag(z.string().regex(/^[A-Z]{3}$/).describe(doc), { kind: 'currency' });
}
