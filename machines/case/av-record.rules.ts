// The audio-visual record rule (音像记录, seed §9(2); 行政处罚法 art 47; 国办发〔2018〕118号 (八)): the events a
// policy table names must carry at least one audio or video file. Pure: the table comes from the policy and
// the media types from the server's stamp on the event, so the machine needs neither storage nor policy.
import type { CaseEvent, CaseEventType, RecordStamp } from './case.events.js';
import type { ContentRefusal } from './case.rules.js';

/** One row of the policy table: an event type and, for service events, the service method (留置, 公告). */
export interface AvRecordRequirement {
  event: string;
  /** Matches the event's `method` field when given (e.g. `lien` 留置送达, `public_notice` 公告送达). */
  method?: string;
}

/**
 * Event types whose transitions carry the `hasRequiredAvRecord` guard. A policy may only name these: a row
 * for an event without the guard would be stamped and then ignored. Add an event here with its guard.
 */
export const avRecordEvents: readonly CaseEventType[] = ['hearing.hold'];

/** True when the table requires an audio-visual record for this event (by type, and method where given). */
export function isAvRecordRequired(table: readonly AvRecordRequirement[], event: { type: string; method?: unknown }): boolean {
  return table.some((row) => row.event === event.type && (row.method === undefined || row.method === event.method));
}

/** Audio or video, by media type. */
export function isAudioVisual(mediaType: string): boolean {
  return mediaType.startsWith('audio/') || mediaType.startsWith('video/');
}

/**
 * The event was stamped as requiring an audio-visual record but carries no audio or video file (422
 * `av_record_required`). Events never stamped (`avRecordRequired` absent) are not judged here.
 */
export function refuseMissingAvRecord(event: CaseEvent): ContentRefusal | null {
  const stamp = event as CaseEvent & RecordStamp;
  if (!stamp.avRecordRequired) return null;
  if ((stamp.records ?? []).some((r) => isAudioVisual(r.mediaType))) return null;
  return {
    code: 'av_record_required',
    reason: 'no_av_record',
    detail: `${event.type} needs at least one audio or video record (音像记录) among its records (seed §9(2)).`,
    fields: ['records'],
  };
}
