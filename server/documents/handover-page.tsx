// The printable 涉案物品和材料移交清单 (移送规定 art 12): the police body and who signed for it, the case and
// party, the dates, the materials and the items, agency and hash. Pure: data in, markup out.
import type { FC } from 'hono/jsx';
import type { HandoverDocument } from './handover-document.js';
import type { IssuedDocument } from './document-reader.js';
import { Heading, IssuedFooter, chineseDate, standalonePage, type PageOptions } from './document-page.js';
import { ItemsTable, PoliceLetterHead } from './transfer-page.js';

/** The body of a 移交清单. */
export const HandoverBody: FC<{ issued: IssuedDocument<HandoverDocument>; nested?: boolean }> = ({ issued, nested }) => {
  const d = issued.document;
  return (
    <article class="doc" data-document="handover" data-number={d.number}>
      <PoliceLetterHead d={d} nested={nested} />
      <p>
        {`收到立案通知书日期：${d.filedNoticeReceivedOn ? chineseDate(d.filedNoticeReceivedOn) : '—'}；移交日期：${chineseDate(d.handedOverOn)}；移交人：${d.handedOverBy.name}；接收人：${d.receivedBy}。`}
      </p>
      <Heading nested={nested}>一、移交的材料</Heading>
      <ol>
        {d.materials.map((m) => (
          <li>{m}</li>
        ))}
      </ol>
      <Heading nested={nested}>二、移交的涉案物品</Heading>
      <ItemsTable items={d.seizedItems} />
      <IssuedFooter agency={d.agency} issuedAt={d.issuedAt} documentHash={issued.documentHash} draft={d.draft} entryId={issued.entryId} />
    </article>
  );
};

/** The printable 移交清单 page. */
export function renderHandoverPage(issued: IssuedDocument<HandoverDocument>, options: PageOptions = {}) {
  return standalonePage(`${issued.document.title} ${issued.number}`, <HandoverBody issued={issued} />, options);
}
