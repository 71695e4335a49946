// A choice card in the debrief's sentences: the option's label, a sentence of its own in the
// scenario, loses its full stop inside "you chose … for the card …" (the playtest read
// "…from your cash instead. for the card").
import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../src/ui/debrief/changes';
import { builtin } from '../helpers';

describe('describeChanges for choice cards', () => {
  it('gives the chosen option\'s label without its closing full stop, in both languages', () => {
    const hotel = builtin('hotel');
    const card = hotel.events.find((e) => e.id === 'wage-cut')!;
    const pay = card.options!.find((o) => o.id === 'pay')!;
    expect(pay.label.en).toMatch(/\.$/);
    expect(pay.label['zh-CN']).toMatch(/。$/);
    const d = hotel.initialDecisions;
    const [c] = describeChanges('choices', d, { ...d, choices: [{ event: 'wage-cut', option: 'pay' }] }, hotel);
    expect(c?.verb).toBe('set');
    expect(c?.to).toEqual({ kind: 'text', text: { en: pay.label.en!.slice(0, -1), 'zh-CN': pay.label['zh-CN']!.slice(0, -1) } });
  });
});
