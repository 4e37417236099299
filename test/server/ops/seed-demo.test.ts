// The demo seed is resumable: interrupted after any step (here by a throw from an injected step, as a kill
// during the first boot would), the next start completes it without duplicating a user, a case or an event.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../../db/core/client.js';
import { createServices, type Services } from '../../../server/services.js';
import { seedDemo } from '../../../server/demo/seed-demo.js';
import { demoUsers } from '../../../server/demo/demo-users.js';
import { freshDbPath } from '../../helpers/test-app.js';
import { overloadDraft } from '../../../server/demo/demo-cases.js';
import { daysAgo } from '../../helpers/party-commands.js';

/** A fresh database and its services: what `npm start` has before it seeds. */
async function boot(path = freshDbPath()): Promise<{ services: Services; close: () => Promise<void>; path: string }> {
  const database = await createDb(`file:${path}`);
  const services = await createServices(database);
  return {
    services,
    path,
    close: async () => {
      await services.writer.close();
      database.close();
    },
  };
}

/** What the demo looks like: users, and each case's title, state and version. */
async function demoState(services: Services) {
  const cases = await services.store.list({});
  const entries = await services.database.client.execute('SELECT count(*) AS n FROM case_events');
  return {
    users: await services.users.count(),
    cases: cases.map((c) => [c.title, c.status, c.version]).sort(),
    entries: Number(entries.rows[0]!.n),
  };
}

class Killed extends Error {}

describe('seedDemo', () => {
  let expected: Awaited<ReturnType<typeof demoState>>;

  beforeAll(async () => {
    const complete = await boot();
    expect(await seedDemo(complete.services)).toBe(true);
    expected = await demoState(complete.services);
    await complete.close();
  });

  it('seeds every demo user and case once; a second run writes nothing', async () => {
    expect(expected).toMatchObject({ users: demoUsers.length, entries: 11 });
    const again = await boot();
    expect(await seedDemo(again.services)).toBe(true);
    expect(await seedDemo(again.services)).toBe(false);
    expect(await demoState(again.services)).toEqual(expected);
    await again.close();
  });

  it.each(['user reviewer1', 'overload open', 'overload rights.waive', 'taxi open', 'revocation hearing.hold'])(
    'completes a seed interrupted after "%s" on the next start',
    async (stopAfter) => {
      const first = await boot();
      const kill = (step: string) => {
        if (step === stopAfter) throw new Killed(step);
      };
      await expect(seedDemo(first.services, { afterStep: kill })).rejects.toBeInstanceOf(Killed);
      const partial = await demoState(first.services);
      expect(partial.entries + partial.users).toBeLessThan(expected.entries + expected.users);
      await first.close();
      const second = await boot(first.path);
      expect(await seedDemo(second.services)).toBe(true);
      expect(await demoState(second.services)).toEqual(expected);
      await second.close();
    },
  );

  it('leaves alone a database that is not a demo one, and completes one whose demo case was opened without its commands', async () => {
    const real = await boot();
    await real.services.users.create({ username: 'chief', displayName: '局长', password: 'long-password', roles: ['head'] });
    expect(await seedDemo(real.services)).toBe(false);
    expect(await demoState(real.services)).toEqual({ users: 1, cases: [], entries: 0 });
    await real.close();

    const legacy = await boot();
    for (const u of demoUsers) await legacy.services.users.create(u);
    const handler = (await legacy.services.users.byUsername('handler1'))!;
    // Opened as the seed opens it (立案 dated 60 days back), then interrupted before its commands.
    expect((await legacy.services.cases.open(handler, overloadDraft, undefined, daysAgo(60))).ok).toBe(true);
    expect(await seedDemo(legacy.services)).toBe(true);
    // The case found by its title is continued, not opened again.
    const cases = (await demoState(legacy.services)).cases;
    expect(cases).toHaveLength(3);
    expect(cases.filter((c) => c[0] === overloadDraft.title)).toHaveLength(1);
    expect(await seedDemo(legacy.services)).toBe(false);
    await legacy.close();
  });
});
