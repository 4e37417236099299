// The token cache and the auth epoch on a real database (libSQL and PostgreSQL): another connection's token
// deletion or user change bumps the epoch, a new token does not; the cache reads once per token per epoch,
// forgets at once after this process's own revocations, honours another connection's within the recheck
// interval (the clock is driven, never slept on), and forgets every entry as soon as any read sees a newer epoch. Users by id share the cache and its epoch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../../db/core/client.js';
import type { FirstRow } from '../../../db/core/prepared-reads.js';
import { createUserStore, type User } from '../../../db/users/user-store.js';
import { databaseUrlOf, freshDatabase } from '../../helpers/test-app.js';
import { TestClock } from './sign-in-helpers.js';

const RECHECK_MS = 1000;
const clock = new TestClock();
let server: Database;
let other: Database;
let reads = 0;
/** The real prepared reads, counted: how the tests see whether a lookup touched the database. */
const counted: FirstRow = (sql, args) => {
  reads += 1;
  return server.firstRow(sql, args);
};
let serverUsers: ReturnType<typeof createUserStore>;
let otherUsers: ReturnType<typeof createUserStore>;

beforeAll(async () => {
  const target = await freshDatabase();
  server = await createDb(databaseUrlOf(target));
  other = await createDb(databaseUrlOf(target));
  serverUsers = createUserStore(server.client, clock.now, { firstRow: counted, authRecheckMs: RECHECK_MS });
  otherUsers = createUserStore(other.client, clock.now);
});
afterAll(async () => {
  await other.close();
  await server.close();
});

const epoch = async (): Promise<number> =>
  Number((await other.client.execute({ sql: 'SELECT epoch FROM auth_epoch WHERE id = 1', args: [] })).rows[0]!.epoch);
let n = 0;
const newUser = (): Promise<User> => otherUsers.create({ username: `cache-${++n}`, password: 'a long password', roles: ['handler'] });
/** Reads made by `lookup`. */
async function readsOf<T>(lookup: () => Promise<T>): Promise<{ value: T; reads: number }> {
  const before = reads;
  const value = await lookup();
  return { value, reads: reads - before };
}

describe('auth epoch', () => {
  it("is bumped by another connection's token deletion and user change, not by a new token", async () => {
    const user = await newUser();
    const start = await epoch();
    const token = await otherUsers.issueToken(user.id);
    expect(await epoch()).toBe(start);
    await otherUsers.revokeToken(token);
    const afterRevoke = await epoch();
    expect(afterRevoke).toBeGreaterThan(start);
    await otherUsers.update(user.id, { displayName: 'renamed' });
    expect(await epoch()).toBeGreaterThan(afterRevoke);
  });
});

describe('token cache', () => {
  it('reads the database once per token while the epoch stands, and honours expiry from the cache', async () => {
    const user = await newUser();
    const token = await otherUsers.issue(user.id, 5_000);
    expect((await serverUsers.userForToken(token.token))?.id).toBe(user.id);
    const again = await readsOf(() => serverUsers.userForToken(token.token));
    expect(again).toEqual({ value: expect.objectContaining({ id: user.id }), reads: 0 });
    clock.advance(5_000);
    expect(await serverUsers.userForToken(token.token)).toBeNull();
  });

  it("refuses a token at once after this process's own revocation or deactivation", async () => {
    const user = await newUser();
    const a = await serverUsers.issueToken(user.id);
    const b = await serverUsers.issueToken(user.id);
    expect((await serverUsers.userForToken(a))?.id).toBe(user.id);
    expect((await serverUsers.userForToken(b))?.id).toBe(user.id);
    await serverUsers.revokeToken(a);
    expect(await serverUsers.userForToken(a)).toBeNull();
    expect((await serverUsers.userForToken(b))?.id).toBe(user.id);
    await serverUsers.deactivate(user.id);
    expect(await serverUsers.userForToken(b)).toBeNull();
  });

  it('refuses a token another connection revoked once the recheck interval has passed', async () => {
    const user = await newUser();
    const token = await otherUsers.issueToken(user.id);
    expect((await serverUsers.userForToken(token))?.id).toBe(user.id);
    await otherUsers.revokeToken(token);
    clock.advance(RECHECK_MS);
    expect(await serverUsers.userForToken(token)).toBeNull();
  });

  it('forgets every cached token as soon as any read sees a newer epoch', async () => {
    clock.advance(RECHECK_MS);
    const cached = await newUser();
    const token = await otherUsers.issueToken(cached.id);
    expect((await serverUsers.userForToken(token))?.id).toBe(cached.id);
    await otherUsers.update(cached.id, { roles: ['reviewer'] });
    // A token not yet cached is read with the epoch in the same statement: the newer epoch empties the cache.
    const fresh = await newUser();
    expect((await serverUsers.userForToken(await otherUsers.issueToken(fresh.id)))?.id).toBe(fresh.id);
    expect((await serverUsers.userForToken(token))?.roles).toEqual(['reviewer']);
  });

  it('re-reads the epoch when the clock is set back', async () => {
    const user = await newUser();
    const token = await otherUsers.issueToken(user.id);
    expect((await serverUsers.userForToken(token))?.id).toBe(user.id);
    await otherUsers.deactivate(user.id);
    clock.advance(-1);
    expect(await serverUsers.userForToken(token)).toBeNull();
  });

  it('hands out a frozen user, so no caller can change what the next request gets', async () => {
    const user = await newUser();
    const token = await otherUsers.issueToken(user.id);
    const got = (await serverUsers.userForToken(token))!;
    expect(Object.isFrozen(got) && Object.isFrozen(got.roles)).toBe(true);
  });
});

describe('users by id', () => {
  it("reads a user once per epoch, sees this process's own change at once and another connection's after the recheck interval", async () => {
    const user = await newUser();
    expect((await serverUsers.byId(user.id))?.displayName).toBe(user.displayName);
    expect(await readsOf(() => serverUsers.byId(user.id))).toEqual({ value: expect.objectContaining({ id: user.id }), reads: 0 });
    await serverUsers.update(user.id, { displayName: 'changed here' });
    expect((await serverUsers.byId(user.id))?.displayName).toBe('changed here');
    clock.advance(RECHECK_MS);
    await serverUsers.byId(user.id);
    await otherUsers.update(user.id, { roles: ['reviewer'], qualificationNo: 'Q-1' });
    expect((await serverUsers.byId(user.id))?.roles).toEqual(['handler']);
    clock.advance(RECHECK_MS);
    expect(await serverUsers.byId(user.id)).toMatchObject({ roles: ['reviewer'], qualificationNo: 'Q-1' });
  });

  it('answers null for an unknown id every time, remembering nothing for it', async () => {
    expect(await readsOf(() => serverUsers.byId('no-such-user'))).toEqual({ value: null, reads: 1 });
    expect(await readsOf(() => serverUsers.byId('no-such-user'))).toEqual({ value: null, reads: 1 });
  });
});
