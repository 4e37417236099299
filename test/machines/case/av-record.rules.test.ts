// The audio-visual record rule (音像记录) as pure functions and as the machine's guard: table lookup by event
// type and service method, the refusal when no audio or video record is among the stamped records, and the
// `hasRequiredAvRecord` guard on hearing.hold (replacing it lets the event through, so it is the guard that refuses).
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { caseMachine } from '../../../machines/case/case.machine.js';
import { isAudioVisual, isAvRecordRequired, refuseMissingAvRecord } from '../../../machines/case/av-record.rules.js';
import { refuseContent } from '../../../machines/case/case.rules.js';
import type { CaseEvent, StampedRecord } from '../../../machines/case/case.events.js';
import { catalogOf } from '../../../server/services.js';
import { loadPolicy } from '../../../server/policy/load-policy.js';
import { sampleDraft } from '../../helpers/test-app.js';
import { noticeSend } from '../../helpers/party-commands.js';
import { chinaDay } from '../../../machines/case/legal-dates.js';

const table = [{ event: 'hearing.hold' }, { event: 'decision.serve', method: 'lien' }];
const actor = { id: 'h', roles: ['handler' as const], certified: true, qualified: false };
const at = '2026-11-10T02:00:00.000Z';
const record = (mediaType: string): StampedRecord => ({ evidenceId: '0'.repeat(8), sha256: 'a'.repeat(64), mediaType });
/** The hearing's date, and a moment on it when it is held. */
const heldOn = '2026-11-30';
const hold = (stamp: { records?: StampedRecord[]; avRecordRequired?: boolean }) =>
  ({ type: 'hearing.hold', transcript: '笔录', heldOn, actor, at: '2026-11-30T02:00:00.000Z', ...stamp }) as CaseEvent;

describe('isAudioVisual', () => {
  it.each([
    ['audio/mpeg', true],
    ['video/mp4', true],
    ['application/pdf', false],
    ['image/png', false],
    ['text/audio', false],
  ])('%s is an audio-visual record: %s', (mediaType, expected) => {
    expect(isAudioVisual(mediaType)).toBe(expected);
  });
});

describe('isAvRecordRequired', () => {
  it.each([
    [{ type: 'hearing.hold' }, true],
    [{ type: 'decision.serve', method: 'lien' }, true],
    [{ type: 'decision.serve', method: 'direct' }, false],
    [{ type: 'decision.serve' }, false],
    [{ type: 'notice.send' }, false],
  ])('%j → %s', (event, expected) => {
    expect(isAvRecordRequired(table, event)).toBe(expected);
  });
});

describe('refuseMissingAvRecord', () => {
  it.each([
    ['no stamp', {}, false],
    ['required, no records', { avRecordRequired: true, records: [] }, true],
    ['required, only a PDF', { avRecordRequired: true, records: [record('application/pdf')] }, true],
    ['required, an image', { avRecordRequired: true, records: [record('image/png')] }, true],
    ['required, audio', { avRecordRequired: true, records: [record('application/pdf'), record('audio/wav')] }, false],
    ['required, video', { avRecordRequired: true, records: [record('video/mp4')] }, false],
    ['not required, no records', { records: [] }, false],
  ])('%s → refused %s', (_name, stamp, refused) => {
    const refusal = refuseMissingAvRecord(hold(stamp));
    expect(refusal !== null).toBe(refused);
    if (refusal) expect(refusal).toMatchObject({ code: 'av_record_required', reason: 'no_av_record', fields: ['records'] });
  });

  it('is what refuseContent answers for any stamped event', () => {
    expect(refuseContent({} as never, hold({ avRecordRequired: true }))?.code).toBe('av_record_required');
  });
});

describe('the machine guard hasRequiredAvRecord', () => {
  /** A case noticed, the hearing requested and scheduled (noticed 20 days ahead) on `at`, so it may be held. */
  function hearingScheduled(machine = caseMachine) {
    const catalog = catalogOf(loadPolicy());
    let [snapshot] = initialTransition(machine, { caseId: 'c', handlerId: 'h', draft: sampleDraft(), catalog, at });
    const schedule = {
      type: 'hearing.schedule' as const,
      date: heldOn,
      place: '听证室',
      hostId: 'host',
      recorderId: 'recorder',
      noticeServedOn: chinaDay(at),
      earliestOn: heldOn,
    };
    for (const command of [noticeSend(chinaDay(at)), { type: 'hearing.request' as const }])
      [snapshot] = transition(machine, snapshot, { ...command, actor, at } as CaseEvent);
    // The head names host and recorder (交通 arts 83–84).
    [snapshot] = transition(machine, snapshot, { ...schedule, actor: { ...actor, id: 'head', roles: ['head'] }, at } as CaseEvent);
    expect(snapshot.value).toBe('hearingScheduled');
    return snapshot;
  }

  it('refuses hearing.hold stamped as requiring a record without an audio or video one', () => {
    const snapshot = hearingScheduled();
    expect(snapshot.can(hold({ avRecordRequired: true, records: [record('application/pdf')] }))).toBe(false);
    expect(snapshot.can(hold({ avRecordRequired: true, records: [record('video/webm')] }))).toBe(true);
    expect(snapshot.can(hold({}))).toBe(true);
  });

  it('lets it through when the guard is replaced, so the guard is the rule that refuses', () => {
    const open = caseMachine.provide({ guards: { hasRequiredAvRecord: () => true } });
    expect(hearingScheduled(open).can(hold({ avRecordRequired: true }))).toBe(true);
  });
});
