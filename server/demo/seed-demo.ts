// Seeds demo users and cases through the same services as real use. Resumable: every step checks what exists
// (users by name, a demo case by its unique title and handler, its commands by the case's version, each
// command committed with its event), so a seed interrupted at any point, even by a kill, completes on the
// next start and never duplicates.
import type { Services } from '../services.js';
import type { User } from '../../db/users/user-store.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import type { CaseCommand } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import { chinaDay } from '../../machines/case/legal-dates.js';
import { demoUnitOf, demoUsers } from './demo-users.js';
import { ensureDemoUnits, placeDemoUsers } from './demo-units.js';
import { overloadDraft, revocationDraft, taxiDraft } from './demo-cases.js';
import { sampleWav } from './sample-files.js';
import { ok } from '../shared/result.js';

/** A demo command and who sends it (default: the case's handler). */
type DemoCommand = CaseCommand & { by?: 'head1' };

/** One demo case: who opens it, its draft, and the commands that bring it to its demo state. */
interface DemoCase {
  key: string;
  handler: 'handler1' | 'handler2';
  draft: DraftContent;
  /** Built from the demo users and "n days ago" (legal dates are the documents' dates, entered later). */
  commands: (users: Record<string, User>, daysAgo: (n: number) => string) => DemoCommand[];
}

const served = (date: string, recipient: string) => ({ method: 'direct' as const, date, recipient, receiptRef: `送达回证 ${date}` });

const demoCases: DemoCase[] = [
  // Waiting for review: notice served, rights waived, submitted with attestation.
  {
    key: 'overload',
    handler: 'handler1',
    draft: overloadDraft,
    commands: (_users, daysAgo) => [
      { type: 'notice.send', service: served(daysAgo(3), '西宁某物流有限公司') },
      { type: 'rights.waive' },
      { type: 'review.submit', attestation: true },
    ],
  },
  // A minor case still in investigation.
  { key: 'taxi', handler: 'handler2', draft: taxiDraft, commands: () => [] },
  // A revocation after a hearing (noticed 7 working days ahead, hosted by people who did not investigate), submitted for review.
  {
    key: 'revocation',
    handler: 'handler2',
    draft: revocationDraft,
    commands: (users, daysAgo) => [
      { type: 'notice.send', service: served(daysAgo(40), revocationDraft.party.name) },
      { type: 'hearing.request' },
      {
        type: 'hearing.schedule',
        by: 'head1',
        date: daysAgo(10),
        place: '支队第一听证室',
        hostId: users.reviewer2!.id,
        recorderId: users.clerk1!.id,
        noticeServedOn: daysAgo(35),
      },
      { type: 'hearing.hold', transcript: '听证笔录：当事人对事实无异议，请求从轻处理。', heldOn: daysAgo(10) },
      { type: 'review.submit', attestation: true },
    ],
  },
];

export interface SeedOptions {
  /** Runs after each step that wrote something (tests interrupt the seed here by throwing). */
  afterStep?: (step: string) => void | Promise<void>;
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T {
  if (!r.ok) throw new Error(`demo seed failed: ${r.error.detail}`);
  return r.value;
}

/** Whether a database is one the demo may seed: empty, or holding only (some of) the demo users. */
async function seedable(services: Services): Promise<boolean> {
  const count = await services.users.count();
  if (count === 0) return true;
  const present = await Promise.all(demoUsers.map((u) => services.users.byUsername(u.username)));
  return present.filter(Boolean).length === count;
}

/** The demo case already opened for `demo`, found by its handler and its title (unique among the demo's). */
async function openedCase(services: Services, demo: DemoCase, handler: User): Promise<CaseRow | null> {
  const mine = await services.store.list({ handlerId: handler.id, limit: 50 });
  return mine.find((row) => row.title === demo.draft.title) ?? null;
}

/** The name of the demo hearing's audio record (a resumed seed finds an uploaded one by it). */
const hearingAudio = '听证录音.wav';

/** A hearing.hold with the hearing's audio record (音像记录), uploaded once per case. */
async function withHearingRecord(services: Services, user: User, caseId: string, command: CaseCommand): Promise<CaseCommand> {
  if (command.type !== 'hearing.hold') return command;
  const found = (await services.evidence.list(caseId)).find((f) => f.filename === hearingAudio);
  const body = (async function* () {
    yield sampleWav(2);
  })();
  const file =
    found ?? must(await services.evidence.upload(user, caseId, async () => ok({ body, contentType: 'audio/wav', filename: hearingAudio })));
  return { ...command, records: [{ evidenceId: file.id, sha256: file.sha256 }] };
}

/**
 * Seeds what is missing of the demo; returns whether it wrote anything. A database with users other than
 * the demo's is never touched (it is not a demo database).
 */
export async function seedDemo(services: Services, options: SeedOptions = {}): Promise<boolean> {
  if (!(await seedable(services))) return false;
  let wrote = false;
  const step = async (name: string, done: boolean, work: () => Promise<unknown>) => {
    if (done) return;
    await work();
    wrote = true;
    await options.afterStep?.(name);
  };
  if (await ensureDemoUnits(services.units)) wrote = true;
  const byName: Record<string, User> = {};
  for (const u of demoUsers) {
    const existing = await services.users.byUsername(u.username);
    await step(`user ${u.username}`, existing !== null, async () => (byName[u.username] = await services.users.create(u)));
    byName[u.username] ??= existing!;
  }
  if (await placeDemoUsers(services, byName, demoUnitOf)) wrote = true;
  const daysAgo = (n: number) => chinaDay(new Date(services.now().getTime() - n * 86_400_000).toISOString());
  for (const demo of demoCases) {
    const user = byName[demo.handler]!;
    const existing = await openedCase(services, demo, user);
    // Opened 60 days ago, so every legal date of its commands follows the 立案 date.
    await step(`${demo.key} open`, existing !== null, () => services.cases.open(user, demo.draft, undefined, daysAgo(60)).then(must));
    const row = existing ?? (await openedCase(services, demo, user))!;
    // Version 1 is the opening; command i brings the case to version i + 2.
    for (const [index, { by, ...command }] of demo.commands(byName, daysAgo).entries()) {
      const sender = by ? byName[by]! : user;
      await step(`${demo.key} ${command.type}`, row.version >= index + 2, async () =>
        must(await services.cases.send(sender, row.id, await withHearingRecord(services, sender, row.id, command as CaseCommand))),
      );
    }
  }
  return wrote;
}
