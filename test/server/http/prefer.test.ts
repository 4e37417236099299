// Reading `Prefer` (RFC 7240): only `return=minimal` asks for the lean answer; the first `return` decides;
// names and values are case-insensitive and may be quoted; anything else (absent, unknown, malformed, too
// long) is the default, the whole representation. `Preference-Applied` names only what was asked for.
import { describe, expect, it } from 'vitest';
import { preferenceApplied, representationOf } from '../../../server/http/prefer.js';

describe('representationOf', () => {
  it.each([
    [undefined, 'full'],
    ['', 'full'],
    ['return=minimal', 'minimal'],
    ['RETURN=Minimal', 'minimal'],
    [' return = "minimal" ', 'minimal'],
    ['respond-async, return=minimal; foo=bar, wait=10', 'minimal'],
    ['return=representation', 'full'],
    ['return=representation, return=minimal', 'full'],
    ['return=minimal, return=representation', 'minimal'],
    ['return', 'full'],
    ['return=', 'full'],
    ['return=minimalist', 'full'],
    ['returns=minimal', 'full'],
    ['handling=strict', 'full'],
    [';;,,==', 'full'],
    [`return=minimal,${'x'.repeat(1_000)}`, 'full'],
  ] as const)('%j → %s', (prefer, expected) => {
    expect(representationOf(prefer)).toBe(expected);
  });
});

describe('preferenceApplied', () => {
  it('acknowledges a return preference with the representation given, and nothing else', () => {
    expect(preferenceApplied('return=minimal', 'minimal')).toBe('return=minimal');
    expect(preferenceApplied('return=representation', 'full')).toBe('return=representation');
    expect(preferenceApplied('return=bogus', 'full')).toBe('return=representation');
    expect(preferenceApplied('respond-async', 'full')).toBeNull();
    expect(preferenceApplied(undefined, 'full')).toBeNull();
  });
});
