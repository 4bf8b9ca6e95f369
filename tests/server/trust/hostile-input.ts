import fc from 'fast-check';

/**
 * Malformed and hostile procedure inputs for the property-based tests (issue 10), built around a
 * valid input so that most reach past the first field: one field (at any depth) replaced by a
 * hostile value, several at once, fields left out, a string field tainted, prototype keys planted,
 * or the whole input replaced by junk. `wire`: only what JSON carries (no bigint, no undefined inside arrays).
 */

const hostileTexts = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '\uDBFF',
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE threads; --",
  '__proto__',
  'constructor',
  'prototype',
  '',
  ' ',
  '\u202e\u2028\u2029',
  '%00',
  '\\u0000',
  '../../../etc/passwd',
  'x:',
  'x:\u0000',
  'https://x.com/a/status/1',
  '#Sales @Ada',
  '1e999',
  '-0',
  '9'.repeat(400),
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileTexts) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 2_000, max: 120_000 }).map((n) => 'a'.repeat(n)) },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    0.5,
    1.5,
    -1,
    1e308,
    -1e308,
    2 ** 31,
    2 ** 53,
    2 ** 53 + 2,
    2 ** 63,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.double(),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** An object that owns a prototype key, as JSON.parse makes it (a literal would set the prototype). */
const protoObject = fc
  .tuple(fc.constantFrom(...PROTO_KEYS), fc.constantFrom('{"isAdmin":true}', 'null', '[1]', '"x"'))
  .map(([key, value]) => JSON.parse(`{"${key}":${value}}`) as object);

function leaf(wire: boolean) {
  const leaves: fc.Arbitrary<unknown>[] = [
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    protoObject,
  ];
  if (!wire) leaves.push(fc.constant(undefined), fc.bigInt(), fc.date());
  return fc.oneof(...leaves);
}

/** Any hostile value: a leaf, or arrays and objects of them nested up to six deep. */
export function hostileValue(wire: boolean): fc.Arbitrary<unknown> {
  const { tree } = fc.letrec<{ tree: unknown; node: unknown }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf(wire), tie('node')),
    node: fc.oneof(
      fc.array(tie('tree'), { maxLength: 5 }),
      fc.dictionary(
        fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTO_KEYS)),
        tie('tree'),
        {
          maxKeys: 5,
        },
      ),
    ),
  }));
  return fc.oneof(
    { weight: 6, arbitrary: tree },
    {
      weight: 1,
      arbitrary: fc.array(fc.constantFrom(...hostileTexts.slice(0, -1)), {
        minLength: 300,
        maxLength: 2_000,
      }),
    },
    { weight: 1, arbitrary: deeplyNested() },
  );
}

/** An array or object nested thousands deep (a recursive parser's stack). */
function deeplyNested() {
  return fc.tuple(fc.integer({ min: 100, max: 1_000 }), fc.boolean()).map(([depth, arrays]) => {
    let v: unknown = 'x';
    for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
    return v;
  });
}

type Path = (string | number)[];

/** Every path into `value` (objects and arrays, the root excluded), and `extraKeys` at the top. */
function pathsOf(value: unknown, extraKeys: readonly string[]): Path[] {
  const out: Path[] = extraKeys.map((k) => [k]);
  const walk = (v: unknown, path: Path) => {
    if (Array.isArray(v)) v.forEach((x, i) => (out.push([...path, i]), walk(x, [...path, i])));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (path.length || !extraKeys.includes(k)) out.push([...path, k]);
        walk(x, [...path, k]);
      }
  };
  walk(value, []);
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, unknown>;
    // An earlier change replaced what this path went through: nothing left to change.
    if (!node || typeof node !== 'object') return copy;
  }
  Object.defineProperty(node, path.at(-1)!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** `root` without what `path` points at (an array's element is spliced out). */
function deleteAt(root: unknown, path: Path): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, unknown>;
    if (!node || typeof node !== 'object') return copy;
  }
  if (Array.isArray(node)) node.splice(Number(path.at(-1)), 1);
  else delete node[path.at(-1)!];
  return copy;
}

function stringPaths(base: unknown): Path[] {
  return pathsOf(base, []).filter((p) => {
    let v: unknown = base;
    for (const k of p) v = (v as Record<string | number, unknown>)[k];
    return typeof v === 'string';
  });
}

const taints: ((s: string) => string)[] = [
  (s) => s + '\u0000',
  (s) => '\uD800' + s,
  (s) => s + '\uDFFF',
  (s) => s.repeat(Math.ceil(5_000 / Math.max(1, s.length))),
  (s) => ' '.repeat(3) + s + '\t',
  (s) => s.toUpperCase() + '\u0301',
  (s) => s.slice(0, Math.max(0, s.length - 1)),
  () => 'javascript:alert(1)',
];

/**
 * Inputs around `base` (a valid input of the procedure): `fields` are its schema's top-level
 * keys, so optional fields the base leaves out are tried too.
 */
export function hostileInputs(base: unknown, fields: readonly string[], wire: boolean) {
  const value = hostileValue(wire);
  const paths = pathsOf(base, fields);
  const strings = stringPaths(base);
  const arbitraries: fc.WeightedArbitrary<unknown>[] = [
    { weight: 2, arbitrary: value },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(undefined, null, [], {}, 'x', 0, true)
        .filter((v) => !wire || v !== undefined),
    },
    { weight: 1, arbitrary: fc.constant(base) },
  ];
  if (paths.length) {
    const replaced = fc.tuple(fc.constantFrom(...paths), value);
    arbitraries.push(
      { weight: 10, arbitrary: replaced.map(([p, v]) => setAt(base, p, v)) },
      {
        weight: 3,
        arbitrary: fc
          .array(replaced, { minLength: 2, maxLength: 4 })
          .map((changes) => changes.reduce((acc, [p, v]) => setAt(acc, p, v), base)),
      },
    );
  }
  const present = pathsOf(base, []);
  if (present.length)
    arbitraries.push({
      weight: 2,
      arbitrary: fc
        .subarray(present, { minLength: 1, maxLength: Math.min(3, present.length) })
        .map((gone) => gone.reduce(deleteAt, base)),
    });
  const objects = [[], ...paths.filter((p) => isObjectAt(base, p))];
  arbitraries.push({
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...objects), fc.constantFrom(...PROTO_KEYS), value)
      .map(([p, key, v]) => setAt(base, [...p, key], v)),
  });
  if (strings.length)
    arbitraries.push({
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...strings), fc.constantFrom(...taints))
        .map(([p, taint]) => setAt(base, p, taint(valueAt(base, p) as string))),
    });
  return fc.oneof(...arbitraries);
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) v = (v as Record<string | number, unknown>)?.[k];
  return v;
}

function isObjectAt(root: unknown, path: Path): boolean {
  const v = valueAt(root, path);
  return !!v && typeof v === 'object';
}
