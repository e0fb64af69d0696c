/**
 * test/web/assert.ts stands in for Node's `assert` in the web worker pass: on the
 * same calls it must pass and fail exactly where Node's does, or the web pass would
 * hide failures (or invent them).
 */
import * as nodeAssert from 'node:assert';
import * as webAssert from '../../web/assert';

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

type Call = [name: keyof typeof webAssert & keyof typeof nodeAssert, ...args: unknown[]];

const calls: Call[] = [
  ['ok', 1], ['ok', 0], ['ok', ''], ['ok', 'x'], ['ok', undefined],
  ['equal', 1, '1'], ['equal', 1, 2], ['equal', null, undefined], ['equal', NaN, NaN],
  ['notEqual', 1, '1'], ['notEqual', 1, 2],
  ['strictEqual', 1, '1'], ['strictEqual', 'a', 'a'], ['strictEqual', NaN, NaN], ['strictEqual', {}, {}],
  ['notStrictEqual', 1, 1], ['notStrictEqual', 1, '1'],
  ['deepStrictEqual', [1, [2, { a: 3 }]], [1, [2, { a: 3 }]]],
  ['deepStrictEqual', [1, 2], [2, 1]],
  ['deepStrictEqual', { a: 1, b: undefined }, { a: 1 }],
  ['deepStrictEqual', { a: 1 }, { a: '1' }],
  ['deepStrictEqual', new Point(1, 2), { x: 1, y: 2 }],
  ['deepStrictEqual', new Point(1, 2), new Point(1, 2)],
  ['deepStrictEqual', new Map([['a', [1]]]), new Map([['a', [1]]])],
  ['deepStrictEqual', new Map([['a', 1]]), new Map([['a', 2]])],
  ['deepStrictEqual', new Set([1, 2]), new Set([2, 1])],
  ['deepStrictEqual', new Set([[1]]), new Set([[1]])],
  ['deepStrictEqual', new Set([1]), new Set([2])],
  ['deepStrictEqual', new Date(5), new Date(5)], ['deepStrictEqual', new Date(5), new Date(6)],
  ['deepStrictEqual', /a/g, /a/g], ['deepStrictEqual', /a/g, /a/i],
  ['deepStrictEqual', [undefined], [null]], ['deepStrictEqual', 0, -0], ['deepStrictEqual', NaN, NaN],
  ['deepStrictEqual', [], {}],
  ['deepEqual', { a: 1 }, { a: '1' }], ['deepEqual', new Point(1, 2), { x: 1, y: 2 }], ['deepEqual', [1, 2], [1, 3]],
  ['notDeepStrictEqual', [1], [1]], ['notDeepStrictEqual', [1], [2]],
  ['match', 'abc', /b/], ['match', 'abc', /d/],
  ['doesNotMatch', 'abc', /b/], ['doesNotMatch', 'abc', /d/],
];

describe('the web pass\'s assert', () => {
  for (const [name, ...args] of calls) {
    it(`${name}(${args.map((a) => (a instanceof Map || a instanceof Set ? `${a.constructor.name}(${JSON.stringify([...a])})` : a instanceof RegExp || a instanceof Date ? String(a) : JSON.stringify(a))).join(', ')}) passes or fails as Node's does`, () => {
      const outcome = (fn: (...a: unknown[]) => unknown) => {
        try {
          fn(...args);
          return 'passes';
        } catch (error) {
          return `fails (${(error as { code?: string }).code})`;
        }
      };
      nodeAssert.strictEqual(outcome(webAssert[name] as (...a: unknown[]) => unknown), outcome(nodeAssert[name] as (...a: unknown[]) => unknown));
    });
  }

  it('rejects and throws as Node\'s do, with a RegExp, a class or a validation object', async () => {
    const boom = () => Promise.reject(new TypeError('bad input'));
    await webAssert.rejects(boom, /bad input/);
    await webAssert.rejects(boom, TypeError);
    await webAssert.rejects(boom, { name: 'TypeError', message: /bad/ });
    await nodeAssert.rejects(webAssert.rejects(boom, RangeError), TypeError);
    await nodeAssert.rejects(webAssert.rejects(Promise.resolve(1)), { code: 'ERR_ASSERTION', message: 'Missing expected rejection.' });
    webAssert.throws(() => JSON.parse('{'), SyntaxError);
    nodeAssert.throws(() => webAssert.throws(() => 1), { code: 'ERR_ASSERTION' });
  });

  it('puts the message given, and the actual and expected values, on the error', () => {
    nodeAssert.throws(() => webAssert.strictEqual(1, 2, 'one is not two'), { name: 'AssertionError', message: 'one is not two', actual: 1, expected: 2 });
    nodeAssert.throws(() => webAssert.deepStrictEqual({ a: 1 }, { a: 2 }), (error: Error) => /strictly deep-equal[\s\S]*"a": 1[\s\S]*"a": 2/.test(error.message));
  });
});
