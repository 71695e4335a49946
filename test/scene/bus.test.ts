// The event bus between the React host and the scenes: a listener hears only its type, in the
// order listeners were added, and the remover `on` returns removes exactly that listener, so a
// scene or a component tearing down never silences another one.
import { describe, expect, it } from 'vitest';
import { Bus } from '../../src/scene/bus';

interface Events {
  nav: string;
  reveal: boolean;
  open: { id: number };
}

describe('Bus', () => {
  it('delivers a payload to the listeners of its type only, in the order they were added', () => {
    const bus = new Bus<Events>();
    const heard: string[] = [];
    bus.on('nav', (k) => heard.push(`a:${k}`));
    bus.on('reveal', (on) => heard.push(`reveal:${on}`));
    bus.on('nav', (k) => heard.push(`b:${k}`));
    bus.on('open', ({ id }) => heard.push(`open:${id}`));
    bus.on('nav', (k) => heard.push(`c:${k}`));
    bus.emit('nav', 'Home');
    expect(heard).toEqual(['a:Home', 'b:Home', 'c:Home']);
    heard.length = 0;
    bus.emit('open', { id: 7 });
    expect(heard).toEqual(['open:7']);
  });

  it('does nothing for a type nobody listens to', () => {
    const bus = new Bus<Events>();
    expect(() => bus.emit('reveal', true)).not.toThrow();
    expect(bus.count()).toBe(0);
  });

  it('removes exactly the listener whose remover is called', () => {
    const bus = new Bus<Events>();
    const heard: string[] = [];
    const offA = bus.on('nav', () => heard.push('a'));
    bus.on('nav', () => heard.push('b'));
    bus.on('reveal', () => heard.push('reveal'));
    offA();
    bus.emit('nav', 'End');
    bus.emit('reveal', false);
    expect(heard).toEqual(['b', 'reveal']);
    // Calling a remover again removes nothing else.
    offA();
    expect(bus.count('nav')).toBe(1);
  });

  it('keeps two scenes\' registrations of the same function apart: each remover removes only its own', () => {
    // Two scenes (or a StrictMode double mount) may register one shared handler.
    const bus = new Bus<Events>();
    const heard: string[] = [];
    const shared = (k: string) => heard.push(k);
    const offFirst = bus.on('nav', shared);
    const offSecond = bus.on('nav', shared);
    expect(bus.count('nav')).toBe(2);
    bus.emit('nav', 'Home');
    expect(heard, 'each registration hears').toEqual(['Home', 'Home']);
    heard.length = 0;
    offFirst();
    expect(bus.count('nav')).toBe(1);
    bus.emit('nav', 'ArrowLeft');
    expect(heard, 'the second registration still hears').toEqual(['ArrowLeft']);
    offFirst();
    expect(bus.count('nav'), 'a repeated remover does not remove the other registration').toBe(1);
    offSecond();
    bus.emit('nav', 'ArrowRight');
    expect(heard).toEqual(['ArrowLeft']);
    expect(bus.count()).toBe(0);
  });

  it('keeps two identical but separate functions apart', () => {
    const bus = new Bus<Events>();
    const heard: string[] = [];
    const make = (name: string) => () => heard.push(name);
    const off1 = bus.on('reveal', make('scene1'));
    bus.on('reveal', make('scene2'));
    off1();
    bus.emit('reveal', true);
    expect(heard).toEqual(['scene2']);
  });

  it('lets a listener remove itself during an emit without stopping the others', () => {
    const bus = new Bus<Events>();
    const heard: string[] = [];
    bus.on('nav', () => heard.push('first'));
    const off = bus.on('nav', () => {
      heard.push('once');
      off();
    });
    bus.on('nav', () => heard.push('last'));
    bus.emit('nav', 'x');
    bus.emit('nav', 'y');
    expect(heard).toEqual(['first', 'once', 'last', 'first', 'last']);
  });

  it('counts listeners by type and in all, for leak checks', () => {
    const bus = new Bus<Events>();
    const offs = [bus.on('nav', () => {}), bus.on('nav', () => {}), bus.on('reveal', () => {}), bus.on('open', () => {})];
    expect(bus.count('nav')).toBe(2);
    expect(bus.count('reveal')).toBe(1);
    expect(bus.count()).toBe(4);
    for (const off of offs) off();
    expect(bus.count('nav')).toBe(0);
    expect(bus.count()).toBe(0);
  });

  it('keeps two buses apart (two games never hear each other)', () => {
    const a = new Bus<Events>();
    const b = new Bus<Events>();
    const heard: string[] = [];
    a.on('nav', (k) => heard.push(`a:${k}`));
    b.on('nav', (k) => heard.push(`b:${k}`));
    a.emit('nav', 'Home');
    expect(heard).toEqual(['a:Home']);
  });
});
