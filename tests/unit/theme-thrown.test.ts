/**
 * Whatever a theme throws becomes one line that says what it was, and reading it never throws
 * (the export's own failures through a theme are tests/e2e/export-limits.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { describeThrown } from '../../src/export/theme-loader.js';

const cyclic: Record<string, unknown> = {};
cyclic.self = cyclic;
const unreadable = new Error('hidden');
Object.defineProperty(unreadable, 'message', {
  get() {
    throw new Error('getter-throws');
  },
});
const trap = new Proxy(
  {},
  {
    getPrototypeOf() {
      throw new Error('trap');
    },
  },
);

describe('describeThrown', () => {
  it.each<[string, unknown, string]>([
    ['an Error', new TypeError('x is not a function'), 'x is not a function'],
    ['an Error without a message', new RangeError(), 'RangeError without a message'],
    [
      'an Error whose message getter throws',
      unreadable,
      'an Error whose message cannot be read (reading it threw)',
    ],
    ['a string', 'templates missing', 'templates missing'],
    ['an empty string', '', 'an empty string (not an Error)'],
    ['null', null, 'null (not an Error)'],
    ['undefined', undefined, 'undefined (not an Error)'],
    ['a Symbol', Symbol('nope'), 'Symbol(nope) (a Symbol, not an Error)'],
    ['a number', 42, '42 (a number, not an Error)'],
    ['a plain object', { code: 7 }, 'an object, not an Error: {"code":7}'],
    [
      'an object with its own toString',
      { toString: () => 'custom' },
      'an object, not an Error: custom',
    ],
    [
      'an object whose toString throws',
      {
        toString: () => {
          throw new Error('no');
        },
      },
      'a value that cannot be shown as text (reading it threw)',
    ],
    ['a cyclic object', cyclic, 'a value that cannot be shown as text (reading it threw)'],
    ['a Proxy whose traps throw', trap, 'a value that cannot be shown as text (reading it threw)'],
  ])('%s', (_, value, text) => {
    expect(describeThrown(value)).toBe(text);
  });

  it('cuts a long object short', () => {
    expect(describeThrown({ text: 'a'.repeat(1000) })).toHaveLength(
      'an object, not an Error: '.length + 201,
    );
  });
});
