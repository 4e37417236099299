// Refusals take the same work whether or not the user exists: the sign-in service checks one password hash
// per attempt (a dummy with the same scrypt parameters for an unknown name, the real one for an inactive
// user) and answers identically. Counted through an injected hasher, so no timing is asserted here;
// bench/sign-in-timing.ts measures the times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrottleStore } from '../../../db/users/sign-in-throttle-store.js';
import { scryptHasher, verifyPassword, type PasswordHasher } from '../../../db/users/password-hasher.js';
import { createUserStore } from '../../../db/users/user-store.js';
import { createSignInService, type SignInService } from '../../../server/users/sign-in-service.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { demoPassword } from './sign-in-helpers.js';

let t: TestApp;
let service: SignInService;
const verified: string[] = [];
const countingHasher: PasswordHasher = {
  hash: scryptHasher.hash,
  verify: (password, stored) => {
    verified.push(stored);
    return scryptHasher.verify(password, stored);
  },
};

beforeAll(async () => {
  t = await createTestApp();
  const client = t.services.database.client;
  const users = createUserStore(client, t.services.now, { hasher: countingHasher });
  service = createSignInService({ users, throttle: createThrottleStore(client), policy: t.services.policy.signIn, now: t.services.now });
});
afterAll(async () => {
  await t.close();
});

/** The stored password hash of `username`. */
async function storedHash(username: string): Promise<string> {
  const rs = await t.services.database.client.execute({ sql: 'SELECT password_hash FROM users WHERE username = ?', args: [username] });
  return String(rs.rows[0]!.password_hash);
}
const params = (hash: string) => hash.split('$').slice(0, 4).join('$');

describe('equal-cost refusal', () => {
  it('checks exactly one hash for a known user, an unknown user and an inactive user, and refuses them alike', async () => {
    const inactive = await t.services.users.create({ username: 'gone', password: 'gone-password', roles: ['handler'] });
    await t.services.users.deactivate(inactive.id);
    verified.length = 0;
    const known = await service.signIn({ username: 'reviewer1', password: 'wrong', address: '192.0.2.1' });
    const unknown = await service.signIn({ username: 'ghost', password: 'wrong', address: '192.0.2.2' });
    const off = await service.signIn({ username: 'gone', password: 'gone-password', address: '192.0.2.3' });
    expect(verified).toHaveLength(3);
    expect(verified[0]).toBe(await storedHash('reviewer1'));
    expect(verified[2]).toBe(await storedHash('gone'));
    // The unknown name was checked against a dummy with the very parameters of a real hash.
    expect(params(verified[1]!)).toBe(params(verified[0]!));
    expect(verified[1]).not.toBe(verified[0]);
    expect(known).toEqual({
      ok: false,
      error: { kind: 'unauthorized', code: 'bad_credentials', detail: 'Unknown user or wrong password.' },
    });
    expect(unknown).toEqual(known);
    expect(off).toEqual(known);
  });

  it('checks one hash on success too', async () => {
    verified.length = 0;
    const result = await service.signIn({ username: 'head1', password: demoPassword, address: '192.0.2.4' });
    expect(result.ok).toBe(true);
    expect(verified).toEqual([await storedHash('head1')]);
  });

  it('checks no hash at all for a refused, throttled attempt (known or not)', async () => {
    for (const name of ['clerk1', 'phantom']) {
      for (let i = 0; i < 6; i++) await service.signIn({ username: name, password: 'wrong', address: `198.51.100.${i}` });
      verified.length = 0;
      const refused = await service.signIn({ username: name, password: demoPassword, address: '198.51.100.99' });
      expect(refused).toMatchObject({ ok: false, error: { kind: 'throttled', code: 'sign_in_throttled' } });
      expect(verified).toHaveLength(0);
    }
  });

  it('answers false for a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$16384$8$1$$')).toBe(false);
  });
});
