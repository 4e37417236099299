// Uploading evidence files to a case and finding them again: the one path from request bytes to the
// content-addressed store and the `evidence` row. Invariant: a refused upload stores nothing (no row,
// no file, no temp file), and a stored file's bytes match the media type it is kept under.
import { randomUUID } from 'node:crypto';
import type { CaseStore } from '../../db/cases/case-store.js';
import type { EvidenceRow, EvidenceStore } from '../../db/evidence/evidence-store.js';
import type { FileStore } from '../../db/evidence/file-store.js';
import type { Writer } from '../../db/core/writer.js';
import type { User } from '../../db/users/user-store.js';
import type { EvidencePolicy } from '../policy/policy.schema.js';
import { fail, ok, type DomainError, type Result } from '../shared/result.js';
import { bytesMatch, canonicalMediaType, sniffLength } from './media-types.js';
import { canReadCase, caseNotFound } from '../access/access-rules.js';

/** What an upload brings: its bytes as they stream in, and what the client declared about them. */
export interface UploadInput {
  body: AsyncIterable<Uint8Array>;
  contentType: string | undefined;
  filename: string | null | undefined;
  /** Content-Length when the client sent one: an upload over the limit is refused before it is read. */
  declaredLength?: number;
}

export interface EvidenceServiceDeps {
  cases: CaseStore;
  store: EvidenceStore;
  files: FileStore;
  writer: Writer;
  policy: EvidencePolicy;
  now: () => Date;
}

const endedStates = new Set(['closed', 'withdrawn']);

/** A file name as metadata: 1–255 characters, no path separators or control characters. */
export function refuseFilename(name: string | null | undefined): DomainError | null {
  const text = name?.trim() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
  if (text.length >= 1 && text.length <= 255 && !/[/\\\u0000-\u001f\u007f]/.test(text) && text !== '.' && text !== '..') return null;
  return {
    kind: 'validation',
    code: 'bad_filename',
    detail: 'filename must be 1–255 characters without slashes, backslashes or control characters.',
  };
}

/** Creates the evidence service. */
export function createEvidenceService(deps: EvidenceServiceDeps) {
  /** The media type and limit an upload is judged by, or why it is refused before reading a byte. */
  function admit(input: UploadInput): Result<{ mediaType: string; maxBytes: number }> {
    const mediaType = canonicalMediaType(input.contentType);
    const maxBytes = mediaType ? deps.policy.maxBytes[mediaType] : undefined;
    if (!mediaType || maxBytes === undefined) {
      const detail = `Media type ${input.contentType ?? '(none)'} is not accepted; accepted: ${Object.keys(deps.policy.maxBytes).join(', ')}.`;
      return fail({ kind: 'unsupported_media_type', code: 'unsupported_media_type', detail });
    }
    if (input.declaredLength !== undefined && input.declaredLength > maxBytes) return fail(tooLarge(mediaType, maxBytes));
    const name = refuseFilename(input.filename);
    return name ? fail(name) : ok({ mediaType, maxBytes });
  }

  /** 404 no case (or one out of the user's reach), 403 not its handler, 422 the case has ended. */
  async function refuseUploader(user: User, caseId: string): Promise<DomainError | null> {
    const row = await deps.cases.get(caseId);
    if (!row) return caseNotFound(caseId);
    const reach = canReadCase(user, row);
    if (!reach.ok) return reach.error;
    if (row.handlerId !== user.id)
      return { kind: 'forbidden', code: 'not_handler', detail: 'Only the case handler (承办人) may add evidence.' };
    if (endedStates.has(row.status)) return { kind: 'invalid_transition', code: 'case_ended', detail: `The case is ${row.status}.` };
    return null;
  }

  return {
    /**
     * Streams one file into the store for `caseId` and records it; refusals store nothing. `open` reads the
     * upload's headers (a multipart part's) only once the person is known to be allowed.
     */
    async upload(user: User, caseId: string, open: () => Promise<Result<UploadInput>>): Promise<Result<EvidenceRow>> {
      const refusal = await refuseUploader(user, caseId);
      if (refusal) return fail(refusal);
      const opened = await open();
      if (!opened.ok) return opened;
      const input = opened.value;
      const admitted = admit(input);
      if (!admitted.ok) return admitted;
      const { mediaType, maxBytes } = admitted.value;
      const put = await deps.files.put(input.body, {
        maxBytes,
        headLength: sniffLength,
        headMatches: (head) => bytesMatch(mediaType, head),
      });
      if (!put.ok && put.refusal === 'too_large') return fail(tooLarge(mediaType, maxBytes));
      if (!put.ok) {
        const detail = `The file's bytes are not ${mediaType}.`;
        return fail({ kind: 'unsupported_media_type', code: 'media_type_mismatch', detail });
      }
      const row: EvidenceRow = {
        id: randomUUID(),
        caseId,
        sha256: put.sha256,
        size: put.size,
        mediaType,
        filename: input.filename!.trim(),
        uploaderId: user.id,
        at: deps.now().toISOString(),
      };
      await deps.writer.write(deps.store.uploadItem(row));
      return ok(row);
    },

    /** The file `evidenceId` of `caseId`, or 404 (also for another case's file). */
    async get(caseId: string, evidenceId: string): Promise<Result<EvidenceRow>> {
      const row = await deps.store.get(caseId, evidenceId);
      return row
        ? ok(row)
        : fail({ kind: 'not_found', code: 'evidence_not_found', detail: `No evidence ${evidenceId} in case ${caseId}.` });
    },

    list: (caseId: string) => deps.store.list(caseId),
    files: deps.files,
    store: deps.store,
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;

function tooLarge(mediaType: string, maxBytes: number): DomainError {
  return { kind: 'payload_too_large', code: 'file_too_large', detail: `Files of type ${mediaType} may be at most ${maxBytes} bytes.` };
}
