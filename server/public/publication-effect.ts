// Keeps the public register in step with the record: a `publication.publish` adds its published content, a
// `publication.withdraw` takes it off the public page, in the same transaction as the entry (a case effect).
import { chinaDay } from '../../machines/case/legal-dates.js';
import type { WriteEffect } from '../../db/core/writer.js';
import { publicationRows, withdrawPublicationStatement } from '../../db/public/publication-store.js';
import type { AcceptedChange } from '../cases/case-stream.js';

/** The register rows an accepted case event changes (none for most events). */
export function publicationEffect(change: AcceptedChange): WriteEffect[] {
  const { event, caseId, at } = change;
  if (event.type === 'publication.publish' && event.content) {
    return publicationRows(caseId, event.content, event.publishedOn ?? chinaDay(at), at);
  }
  if (event.type === 'publication.withdraw') return [withdrawPublicationStatement(caseId, event.withdrawnOn ?? chinaDay(at), at)];
  return [];
}
