import { parser } from '@lezer/json';
import { describe, expect, it } from 'vitest';
import { placeAt } from './jsonPlace';

/** The place at the `|` of `marked` (the bar removed). */
function at(marked: string) {
  const pos = marked.indexOf('|');
  const text = marked.slice(0, pos) + marked.slice(pos + 1);
  return placeAt(parser.parse(text), text, pos);
}

describe('the JSON place at a position', () => {
  it('a key being typed in a nested object, with the keys it has already', () => {
    const p = at('{"firm": {"cash": 1, "hea|"}}');
    expect(p).toMatchObject({ kind: 'key', path: ['firm'], existing: ['cash'] });
  });
  it('an empty key place after a comma', () => {
    expect(at('{"firm": {"cash": 1, |}}')).toMatchObject({ kind: 'key', path: ['firm'], existing: ['cash'] });
    expect(at('{|}')).toMatchObject({ kind: 'key', path: [] });
  });
  it('a value after a colon, typed or not, inside arrays', () => {
    expect(at('{"tiers": [{"id": "a"}, {"id": "b", "serviceHours": 1|}]}')).toMatchObject({ kind: 'value', path: ['tiers', 1, 'serviceHours'] });
    expect(at('{"events": [{"effects": [{"kind": |}]}]}')).toMatchObject({ kind: 'value', path: ['events', 0, 'effects', 0, 'kind'] });
    expect(at('{"a": [1, 2, |]}')).toMatchObject({ kind: 'value', path: ['a', 2] });
  });
  it('a key pointed at (hover) names the object it is in', () => {
    expect(at('{"population": {"si|ze": 3000}}')).toMatchObject({ kind: 'key', path: ['population'] });
  });
});
