// Uploads and fetches evidence through the real app (bearer tokens), for the evidence tests.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import type { DemoUserName, TestApp } from '../../helpers/test-app.js';
import { sampleWav } from '../../../server/demo/sample-files.js';

/** The SHA-256 of `bytes`, hex. */
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** An upload body that arrives chunk by chunk (no Content-Length), as a large file does. */
export function streamOf(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): ReadableStream<Uint8Array> {
  return Readable.toWeb(Readable.from(chunks)) as ReadableStream<Uint8Array>;
}

/** A body for fetch or app.request (Node's Buffers are Uint8Arrays; the DOM typings disagree). */
export type UploadBody = Uint8Array | string | ReadableStream<Uint8Array>;

/** POSTs `body` as the raw upload of `filename` with `type`; answers the response. */
export function upload(
  t: TestApp,
  caseId: string,
  user: DemoUserName,
  body: UploadBody,
  type: string,
  filename = 'file.bin',
  headers: Record<string, string> = {},
): Promise<Response> {
  const init: RequestInit & { duplex?: string } = {
    method: 'POST',
    headers: { Authorization: `Bearer ${t.tokens[user]}`, 'Content-Type': type, ...headers },
    body: body as BodyInit,
    duplex: 'half',
  };
  return Promise.resolve(t.app.request(`/api/v1/cases/${caseId}/evidence?filename=${encodeURIComponent(filename)}`, init));
}

/** Uploads and expects 201; answers the file reference `{evidenceId, sha256}` and the full answer. */
export async function uploadOk(
  t: TestApp,
  caseId: string,
  body: Uint8Array,
  type: string,
  filename: string,
  user: DemoUserName = 'handler1',
) {
  const res = await upload(t, caseId, user, body, type, filename);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return { ref: { evidenceId: json.evidenceId as string, sha256: json.sha256 as string }, json };
}

/** A WAV hearing record uploaded to the case by its handler: the `records` reference hearing.hold needs. */
export async function hearingRecord(t: TestApp, caseId: string) {
  return (await uploadOk(t, caseId, sampleWav(0.5), 'audio/wav', '听证录音.wav')).ref;
}

/** GETs an evidence file as `user` with optional headers. */
export function fetchEvidence(t: TestApp, caseId: string, evidenceId: string, user: DemoUserName, headers: Record<string, string> = {}) {
  return t.call('GET', `/api/v1/cases/${caseId}/evidence/${evidenceId}`, user, undefined, headers);
}
