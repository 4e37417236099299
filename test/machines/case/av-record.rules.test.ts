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

const table = [{ event: 'hearing.hold' }, { event: 'decision.serve', method: 'lien' }];
const actor = { id: 'h', roles: ['handler' as const], certified: true, qualified: false };
const at = '2026-11-10T02:00:00.000Z';
const record = (mediaType: string): StampedRecord => ({ evidenceId: '0'.repeat(8), sha256: 'a'.repeat(64), mediaType });
const hold = (stamp: { records?: StampedRecord[]; avRecordRequired?: boolean }) =>
  ({ type: 'hearing.hold', transcript: '笔录', actor, at, ...stamp }) as CaseEvent;

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
  function hearingRequested(machine = caseMachine) {
    const catalog = catalogOf(loadPolicy());
    let [snapshot] = initialTransition(machine, { caseId: 'c', handlerId: 'h', draft: sampleDraft(), catalog, at });
    for (const type of ['notice.send', 'hearing.request'] as const)
      [snapshot] = transition(machine, snapshot, { type, actor, at } as CaseEvent);
    expect(snapshot.value).toBe('hearingRequested');
    return snapshot;
  }

  it('refuses hearing.hold stamped as requiring a record without an audio or video one', () => {
    const snapshot = hearingRequested();
    expect(snapshot.can(hold({ avRecordRequired: true, records: [record('application/pdf')] }))).toBe(false);
    expect(snapshot.can(hold({ avRecordRequired: true, records: [record('video/webm')] }))).toBe(true);
    expect(snapshot.can(hold({}))).toBe(true);
  });

  it('lets it through when the guard is replaced, so the guard is the rule that refuses', () => {
    const open = caseMachine.provide({ guards: { hasRequiredAvRecord: () => true } });
    expect(hearingRequested(open).can(hold({ avRecordRequired: true }))).toBe(true);
  });
});
