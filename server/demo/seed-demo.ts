// Seeds demo users and cases into an empty database, through the same services as real use.
import type { Services } from '../services.js';
import type { User } from '../../db/users/user-store.js';
import { demoUsers } from './demo-users.js';
import { overloadDraft, revocationDraft, taxiDraft } from './demo-cases.js';

/** Seeds only when the database has no users; returns whether it seeded. */
export async function seedDemo(services: Services): Promise<boolean> {
  if ((await services.users.count()) > 0) return false;
  const byName: Record<string, User> = {};
  for (const u of demoUsers) byName[u.username] = await services.users.create(u);
  const handler = byName.handler1!;
  const handler2 = byName.handler2!;
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
    if (!r.ok) throw new Error(`demo seed failed: ${r.error.detail}`);
    return r.value;
  };
  // Waiting for review: notice sent, rights waived, submitted with attestation.
  const overload = must(await services.cases.open(handler, overloadDraft));
  for (const cmd of [{ type: 'notice.send' }, { type: 'rights.waive' }, { type: 'review.submit', attestation: true }] as const) {
    must(await services.cases.send(handler, overload.id, cmd));
  }
  // A minor case still in investigation.
  must(await services.cases.open(handler2, taxiDraft));
  // A revocation after a hearing, submitted for review.
  const revocation = must(await services.cases.open(handler2, revocationDraft));
  must(await services.cases.send(handler2, revocation.id, { type: 'notice.send' }));
  must(await services.cases.send(handler2, revocation.id, { type: 'hearing.request' }));
  must(
    await services.cases.send(handler2, revocation.id, {
      type: 'hearing.hold',
      transcript: '听证笔录：当事人对事实无异议，请求从轻处理。',
    }),
  );
  must(await services.cases.send(handler2, revocation.id, { type: 'review.submit', attestation: true }));
  return true;
}
