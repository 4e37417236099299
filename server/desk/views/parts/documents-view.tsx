// The case's issued documents as links to their printable pages (审核意见书, 决定书), for those who may read them.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../../session.js';
import type { CasePageData } from '../../case-data.js';
import { formatDateTime } from '../../i18n/index.js';

/** Where each document prints: an opinion by its number, the decision and the 移送书 by kind. */
const hrefOf = (base: string, d: CasePageData['documents'][number]) =>
  d.kind === 'opinion' ? `${base}/opinions/${encodeURIComponent(d.number)}` : `${base}/${d.kind}-document`;

/** The documents section of a case page. */
export const DocumentsView: FC<{ desk: DeskContext; data: CasePageData }> = ({ desk, data }) => {
  const law = desk.t.law.documents;
  const base = `/desk/cases/${encodeURIComponent(data.view.id)}`;
  if (data.documents.length === 0) return null;
  return (
    <section aria-labelledby="documents-heading" class="card">
      <h2 id="documents-heading">{law.heading}</h2>
      <p class="hint">{law.printHint}</p>
      <ul>
        {data.documents.map((d) => (
          <li data-document={d.kind}>
            <a href={hrefOf(base, d)}>{law[d.kind](d.number)}</a>
            {` · ${formatDateTime(d.issuedAt, desk.lang)}`}
          </li>
        ))}
      </ul>
    </section>
  );
};
