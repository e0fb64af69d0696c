// Node's `assert` for the web worker pass: the integration tests import 'assert',
// which the web test bundle maps to this module (a web worker has no Node, and the
// npm `assert` package brings a `util` and `process` polyfill along). It implements
// what the suites use, with Node's semantics: ok, equal, notEqual, strictEqual,
// notStrictEqual, deepEqual, deepStrictEqual, notDeepStrictEqual, match,
// doesNotMatch, throws, rejects, fail. Failures throw an AssertionError with the
// actual and expected values.

export class AssertionError extends Error {
  readonly code = 'ERR_ASSERTION';
  constructor(
    message: string,
    readonly actual?: unknown,
    readonly expected?: unknown,
    readonly operator?: string,
  ) {
    super(message);
    this.name = 'AssertionError';
  }
}

/** A value as the failure message shows it. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') return String(value);
  if (value instanceof RegExp || value instanceof Error) return String(value);
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? { Map: [...v] } : v instanceof Set ? { Set: [...v] } : v), 2) ?? String(value);
  } catch {
    return String(value);
  }
}

function fail(message: string | Error | undefined, fallback: string, actual?: unknown, expected?: unknown, operator?: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected, operator);
}

function differ(what: string, actual: unknown, expected: unknown): string {
  return `${what}:\n+ actual - expected\n\n+ ${show(actual).split('\n').join('\n+ ')}\n- ${show(expected).split('\n').join('\n- ')}`;
}

/** Node's deep equality: strict (Object.is, prototypes) or loose (==). */
function deepEqualValues(a: unknown, b: unknown, strict: boolean, seen = new Map<object, object>()): boolean {
  if (strict ? Object.is(a, b) : a === b || (a == b && (typeof a !== 'object' || a === null) && (typeof b !== 'object' || b === null))) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return !strict && typeof a !== 'object' && typeof b !== 'object' && (a == b || (Number.isNaN(a) && Number.isNaN(b)));
  }
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof RegExp || b instanceof RegExp) return a instanceof RegExp && b instanceof RegExp && String(a) === String(b);
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !deepEqualValues(value, b.get(key), strict, seen)) return false;
    return true;
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    outer: for (const value of a) {
      if (b.has(value)) continue;
      if (typeof value === 'object' && value !== null) for (const other of b) if (deepEqualValues(value, other, strict, seen)) continue outer;
      return false;
    }
    return true;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!deepEqualValues((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], strict, seen)) return false;
  }
  return true;
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `The expression evaluated to a falsy value:\n\n  assert.ok(${show(value)})`, value, true, '==');
}

export function equal(actual: unknown, expected: unknown, message?: string | Error): void {
  if (!(actual == expected || (Number.isNaN(actual) && Number.isNaN(expected)))) fail(message, `${show(actual)} == ${show(expected)}`, actual, expected, '==');
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (actual == expected) fail(message, `${show(actual)} != ${show(expected)}`, actual, expected, '!=');
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, differ('Expected values to be strictly equal', actual, expected), actual, expected, 'strictEqual');
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`, actual, expected, 'notStrictEqual');
}

export function deepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (!deepEqualValues(actual, expected, false)) fail(message, differ('Expected values to be loosely deep-equal', actual, expected), actual, expected, 'deepEqual');
}

export function deepStrictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!deepEqualValues(actual, expected, true)) fail(message, differ('Expected values to be strictly deep-equal', actual, expected), actual, expected, 'deepStrictEqual');
}

export function notDeepStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (deepEqualValues(actual, expected, true)) fail(message, `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`, actual, expected, 'notDeepStrictEqual');
}

export function match(actual: string, expected: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || !expected.test(actual)) fail(message, `The input did not match the regular expression ${expected}. Input:\n\n${show(actual)}\n`, actual, expected, 'match');
}

export function doesNotMatch(actual: string, expected: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || expected.test(actual)) fail(message, `The input was expected to not match the regular expression ${expected}. Input:\n\n${show(actual)}\n`, actual, expected, 'doesNotMatch');
}

type Expected = RegExp | (new (...args: never[]) => unknown) | ((error: unknown) => boolean) | Record<string, unknown>;

/** Whether a thrown `error` is what `expected` describes (Node's rules for throws/rejects). */
function matchesError(error: unknown, expected: Expected | undefined): boolean {
  if (expected === undefined) return true;
  if (expected instanceof RegExp) return expected.test(String(error));
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && error instanceof (expected as new () => unknown)) return true;
    if (Error.isPrototypeOf(expected)) return false;
    return (expected as (error: unknown) => boolean).call({}, error) === true;
  }
  return Object.entries(expected).every(([key, want]) => {
    const got = (error as Record<string, unknown>)?.[key];
    return want instanceof RegExp && typeof got === 'string' ? want.test(got) : deepEqualValues(got, want, true);
  });
}

export function throws(fn: () => unknown, expected?: Expected | string, message?: string | Error): void {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  try {
    fn();
  } catch (error) {
    if (!matchesError(error, expected)) throw error;
    return;
  }
  fail(message, 'Missing expected exception.', undefined, expected, 'throws');
}

export async function rejects(promise: Promise<unknown> | (() => Promise<unknown>), expected?: Expected | string, message?: string | Error): Promise<void> {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (!matchesError(error, expected)) throw error;
    return;
  }
  fail(message, 'Missing expected rejection.', undefined, expected, 'rejects');
}

function failNow(message?: string | Error): never {
  return fail(message, 'Failed');
}
export { failNow as fail };

/** `assert(value)` is `assert.ok(value)`; the functions hang off it as off Node's. */
const assert = Object.assign((value: unknown, message?: string | Error) => ok(value, message), {
  AssertionError,
  ok,
  equal,
  notEqual,
  strictEqual,
  notStrictEqual,
  deepEqual,
  deepStrictEqual,
  notDeepStrictEqual,
  match,
  doesNotMatch,
  throws,
  rejects,
  fail: failNow,
});
export default assert;
