// The issued documents of a case as files of its ZIP (审核意见书, 决定书, 移送书): each as the canonical JSON whose
// SHA-256 the record entry that issued it holds, so `sha256sum -c` checks the document against the record, and
// as its printable page. Invariant: a JSON file's listed hash is the record's, never recomputed from the store.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../machines/shared/canonical-hash.js';
import type { CaseExport } from '../audit/case-export.js';
import type { IssuedDocument } from '../documents/document-reader.js';
import { renderDecisionPage } from '../documents/decision-page.js';
import { renderOpinionPage } from '../documents/opinion-page.js';
import { renderTransferPage } from '../documents/transfer-page.js';
import { renderHandoverPage } from '../documents/handover-page.js';
import { archiveName } from './case-bundle.js';

/** One file of the archive with the hash SHA256SUMS lists for it. */
export interface DocumentFile {
  name: string;
  bytes: Buffer;
  sha256: string;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The JSON (hash from the record) and the printable page of one issued document. */
async function filesOf(label: string, issued: IssuedDocument<unknown>, page: Promise<string>): Promise<DocumentFile[]> {
  const base = `documents/${label}-${archiveName(issued.number)}`;
  const html = Buffer.from(await page, 'utf8');
  return [
    { name: `${base}.json`, bytes: Buffer.from(canonicalJson(issued.document), 'utf8'), sha256: issued.documentHash },
    { name: `${base}.html`, bytes: html, sha256: sha256(html) },
  ];
}

/** Every issued document of `data`: the opinions, the decision, the transfer letters and handover lists, in that order. */
export async function documentFiles(data: CaseExport): Promise<DocumentFile[]> {
  const { opinions, decision, transfers, handovers } = data.documents;
  const groups = await Promise.all([
    ...opinions.map((o) => filesOf('审核意见书', o, renderOpinionPage(o, o.trail))),
    ...(decision ? [filesOf('决定书', decision, renderDecisionPage(decision))] : []),
    ...transfers.map((d) => filesOf('移送书', d, renderTransferPage(d))),
    ...handovers.map((d) => filesOf('移交清单', d, renderHandoverPage(d))),
  ]);
  return groups.flat();
}
