// The printable 涉嫌犯罪案件移送书 (移送规定 arts 6, 8): recipient, case and party, the transfer statement, the
// team and the approval, the materials and the list of seized items, agency, date and seal. Pure: data in, markup out.
import type { FC } from 'hono/jsx';
import type { TransferDocument } from './transfer-document.js';
import type { HandoverDocument } from './handover-document.js';
import type { IssuedDocument } from './document-reader.js';
import { Heading, IssuedFooter, Title, chineseDate, partyKind, standalonePage, type PageOptions } from './document-page.js';

/** A list of seized items (涉案物品清单) as a table, or a line saying there were none. */
export const ItemsTable: FC<{ items: { name: string; quantity: string }[] }> = ({ items }) =>
  items.length ? (
    <table>
      <thead>
        <tr>
          <th>物品名称</th>
          <th>数量</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr>
            <td>{i.name}</td>
            <td>{i.quantity}</td>
          </tr>
        ))}
      </tbody>
    </table>
  ) : (
    <p>无涉案物品。</p>
  );

/** The head of a letter to the police: agency, title and number, the addressee, the statement and the party. */
export const PoliceLetterHead: FC<{ d: TransferDocument | HandoverDocument; nested?: boolean }> = ({ d, nested }) => (
  <>
    <header>
      <p class="agency">{d.agency}</p>
      <Title nested={nested}>{d.title}</Title>
      <p class="number">{d.number}</p>
    </header>
    <p>{`${d.recipient}：`}</p>
    {d.statement.map((line) => (
      <p>{line}</p>
    ))}
    <p>{`当事人：${d.party.name}（${partyKind[d.party.kind]}）`}</p>
  </>
);

/** The body of a 移送书. */
export const TransferBody: FC<{ issued: IssuedDocument<TransferDocument>; nested?: boolean }> = ({ issued, nested }) => {
  const d = issued.document;
  return (
    <article class="doc" data-document="transfer" data-number={d.number}>
      <PoliceLetterHead d={d} nested={nested} />
      <Heading nested={nested}>一、涉嫌犯罪的事实</Heading>
      <p>{d.facts}</p>
      <p>{`专案组：${d.team.officers.join('、')}（${chineseDate(d.team.reportedAt)}提出调查报告）；经${d.approval.byName}于${chineseDate(d.approval.at)}批准移送。`}</p>
      <Heading nested={nested}>二、随附材料</Heading>
      <ol>
        {[...d.materials, ...d.expertReports].map((m) => (
          <li>{m}</li>
        ))}
      </ol>
      <Heading nested={nested}>三、涉案物品清单</Heading>
      <ItemsTable items={d.seizedItems} />
      <IssuedFooter agency={d.agency} issuedAt={d.issuedAt} documentHash={issued.documentHash} draft={d.draft} entryId={issued.entryId} />
    </article>
  );
};

/** The printable 移送书 page. */
export function renderTransferPage(issued: IssuedDocument<TransferDocument>, options: PageOptions = {}) {
  return standalonePage(`${issued.document.title} ${issued.number}`, <TransferBody issued={issued} />, options);
}
