// Canonical JSON is what every record hash covers, so its text may never change: the built-by-hand
// `canonicalJson` is held to the definition (sorted entries, mapped and joined) on generated values, with
// undefined members and items, integer-like keys and lone surrogates among them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../machines/shared/canonical-hash.js';

/** The definition, as it was first written: the text every stored hash was computed over. */
function definition(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => definition(item === undefined ? null : item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${definition(member)}`).join(',')}}`;
}

const key = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.nat({ max: 20 }).map(String),
  fc.constantFrom('a', 'b', 'c', 'aa', 'B', '_', 'é', '\ud83d'),
);
const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.string({ unit: 'binary' }),
    fc.array(tie('value')),
    fc.dictionary(key, tie('value'), { maxKeys: 40 }),
  ),
})).value;

describe('canonicalJson', () => {
  it('writes exactly the text of the definition', () => {
    fc.assert(
      fc.property(values, (value) => {
        expect(canonicalJson(value)).toBe(definition(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts keys by code unit, drops undefined members and writes undefined items as null', () => {
    expect(canonicalJson({ b: 1, a: undefined, '10': [undefined, 2], '2': { z: null, y: '审' } })).toBe(
      '{"10":[null,2],"2":{"y":"审","z":null},"b":1}',
    );
  });
});
