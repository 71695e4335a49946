import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendJsonItem, removeJsonItem, setJsonText } from './jsonEdit';

const hotel = readFileSync('scenarios/hotel.json', 'utf8');

describe('editing one value of a JSON text', () => {
  it('replaces a value and leaves every other character of the file as it was', () => {
    const out = setJsonText(hotel, ['firm', 'budget', 'base'], 750000)!;
    expect((JSON.parse(out) as { firm: { budget: { base: number } } }).firm.budget.base).toBe(750000);
    expect(out.replace('750000', '700000')).toBe(hotel);
  });
  it('edits text in arrays and strings with escapes', () => {
    const out = setJsonText(hotel, ['tiers', 1, 'name', 'en'], 'Gold "plus"')!;
    const doc = JSON.parse(out) as { tiers: { name: { en: string } }[] };
    expect(doc.tiers[1]!.name.en).toBe('Gold "plus"');
    expect(out.length).toBe(hotel.length + JSON.stringify('Gold "plus"').length - JSON.stringify((JSON.parse(hotel) as typeof doc).tiers[1]!.name.en).length);
  });
  it('adds a missing key in the layout of its siblings', () => {
    const text = '{\n  "a": 1,\n  "b": {\n    "c": 2\n  }\n}\n';
    expect(setJsonText(text, ['b', 'd'], 'x')).toBe('{\n  "a": 1,\n  "b": {\n    "c": 2,\n    "d": "x"\n  }\n}\n');
    expect(setJsonText('{"a": {}}', ['a', 'k'], 1)).toBe('{"a": { "k": 1 }}');
    expect(setJsonText('{"a": 1}', ['x', 'y'], 1)).toBeNull();
    expect(setJsonText('{"a": ', ['a'], 1)).toBeNull();
  });
  it('removes an array item with its separator', () => {
    expect(removeJsonItem('{"e": [1, {"x": [2]}, 3]}', ['e', 1])).toBe('{"e": [1, 3]}');
    expect(removeJsonItem('{"e": [1, 2]}', ['e', 0])).toBe('{"e": [2]}');
    expect(removeJsonItem('{"e": [1]}', ['e', 0])).toBe('{"e": []}');
    expect(removeJsonItem('{"e": [1]}', ['e', 3])).toBeNull();
  });
});

describe('appending to a list in a JSON text', () => {
  it('appends in the layout of the items, or creates the list', () => {
    expect(appendJsonItem('{\n  "e": [\n    1\n  ]\n}', ['e'], 2)).toBe('{\n  "e": [\n    1,\n    2\n  ]\n}');
    expect(appendJsonItem('{"e": [1]}', ['e'], { a: 1 })).toBe('{"e": [1, {"a":1}]}');
    expect(appendJsonItem('{"e": []}', ['e'], 1)).toBe('{"e": [1]}');
    expect(appendJsonItem('{"x": 1}', ['e'], 1)).toBe('{"x": 1, "e": [1]}');
    expect(appendJsonItem('{"e": 1}', ['e'], 1)).toBeNull();
  });
  it('keeps the hotel file as it was around the new event', () => {
    const out = appendJsonItem(hotel, ['events'], { id: 'new', round: 2 })!;
    const doc = JSON.parse(out) as { events: { id: string }[] };
    expect(doc.events.at(-1)!.id).toBe('new');
    expect(doc.events.length).toBe((JSON.parse(hotel) as typeof doc).events.length + 1);
  });
});
