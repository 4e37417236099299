// One evidence file as a reviewer examines it: PDF and images inline, audio and video in the browser's
// player (which fetches by HTTP range requests), always with name, type, size and the full SHA-256.
import type { FC } from 'hono/jsx';
import type { EvidenceRow } from '../../../../db/evidence/evidence-store.js';
import type { FileRef } from '../../../../machines/case/draft.schema.js';
import type { DeskContext } from '../../session.js';

/** The files of the case shown on a page, by evidence id, and the case they belong to. */
export interface CaseFiles {
  caseId: string;
  byId: Map<string, EvidenceRow>;
}

/** The desk URL of a file's bytes (the desk route logs the read like the API does). */
export const fileHref = (caseId: string, evidenceId: string): string =>
  `/desk/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(evidenceId)}`;

/** A size in KB or MB. */
export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.ceil(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const Viewer: FC<{ desk: DeskContext; row: EvidenceRow; href: string }> = ({ desk, row, href }) => {
  const type = row.mediaType;
  if (type === 'application/pdf') return <iframe class="evidence-pdf" src={href} title={row.filename} />;
  if (type.startsWith('image/')) return <img class="evidence-image" src={href} alt={row.filename} />;
  if (type.startsWith('audio/'))
    return (
      // biome-ignore lint/a11y/useMediaCaption: evidence is shown as recorded; its written record (笔录) is on the case
      <audio controls preload="metadata" src={href} aria-label={row.filename}>
        {desk.t.evidence.noPlayer}
      </audio>
    );
  return (
    // biome-ignore lint/a11y/useMediaCaption: evidence is shown as recorded; its written record (笔录) is on the case
    <video class="evidence-video" controls preload="metadata" src={href} aria-label={row.filename}>
      {desk.t.evidence.noPlayer}
    </video>
  );
};

/** One file a draft or an event cites; a reference to no file of this case is shown as such. */
export const EvidenceFile: FC<{ desk: DeskContext; files: CaseFiles; file: FileRef }> = ({ desk, files, file }) => {
  const { t } = desk;
  const row = files.byId.get(file.evidenceId);
  if (!row || row.sha256 !== file.sha256) {
    return (
      <p class="error-text" data-evidence={file.evidenceId}>
        {`${t.evidence.missing}：${file.evidenceId}`}
      </p>
    );
  }
  const href = fileHref(files.caseId, row.id);
  return (
    <figure class="evidence-file" data-evidence={row.id} data-media-type={row.mediaType}>
      <Viewer desk={desk} row={row} href={href} />
      <figcaption>
        <a href={href}>{row.filename}</a>
        {` · ${row.mediaType} · ${sizeText(row.size)}`}
        <br />
        <span class="muted">{`${t.evidence.sha256} `}</span>
        <span class="hash" data-sha256>
          {row.sha256}
        </span>
      </figcaption>
    </figure>
  );
};
