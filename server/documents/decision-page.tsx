// The printable 决定书 with the content 交通 art 77 and 行政处罚法 art 59 require: party, facts and evidence, the
// decision and its basis, how to comply, the remedies, agency, date and seal. Pure: data in, markup out.
import type { FC } from 'hono/jsx';
import type { DecisionDocument } from './decision-document.js';
import type { IssuedDocument } from './document-reader.js';
import { Heading, IssuedFooter, Title, chineseDate, partyKind, standalonePage, type PageOptions } from './document-page.js';

const size = (m: DecisionDocument['measures'][number]) =>
  [m.amountYuan !== null ? `${m.amountYuan.toLocaleString('zh-CN')} 元` : '', m.durationDays !== null ? `${m.durationDays} 日` : '']
    .filter(Boolean)
    .join('，');

/** The body of a decision document, with the content 交通 art 77 and 行政处罚法 art 59 require. */
export const DecisionBody: FC<{ issued: IssuedDocument<DecisionDocument>; nested?: boolean }> = ({ issued, nested }) => {
  const d = issued.document;
  return (
    <article class="doc" data-document="decision" data-number={d.number}>
      <header>
        <p class="agency">{d.agency}</p>
        <Title nested={nested}>{d.title}</Title>
        <p class="number">{d.number}</p>
      </header>
      <p>{`当事人：${d.party.name}（${partyKind[d.party.kind]}）`}</p>
      <Heading nested={nested}>一、违法事实</Heading>
      <p>{d.facts}</p>
      <Heading nested={nested}>二、证据</Heading>
      <ol>
        {d.evidence.map((e) => (
          <li>{`${e.kind}：${e.description}`}</li>
        ))}
      </ol>
      <Heading nested={nested}>三、决定及其依据</Heading>
      <p>{`本机关决定：${d.outcomeLabel}。`}</p>
      {d.measures.length ? (
        <table>
          <thead>
            <tr>
              <th>处罚种类</th>
              <th>数额或期限</th>
            </tr>
          </thead>
          <tbody>
            {d.measures.map((m) => (
              <tr>
                <td>{m.label}</td>
                <td>{size(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>{`依据：${d.legalBasis.join('；')}。`}</p>
      {d.discretion ? <p>{`裁量基准的适用：${d.discretion}。`}</p> : null}
      <Heading nested={nested}>四、{d.outcome === 'transfer' ? '移送' : '履行方式和期限'}</Heading>
      {d.compliance.map((line) => (
        <p>{line}</p>
      ))}
      {d.remedies ? (
        <>
          <Heading nested={nested}>五、申请行政复议或者提起行政诉讼的途径和期限</Heading>
          <p>{d.remedies}</p>
        </>
      ) : null}
      <p>{`本决定经法制审核${d.review.opinionNumber ? `（${d.review.opinionNumber}）` : ''}${d.discussion ? `，并经负责人集体讨论（${chineseDate(d.discussion.at)}${d.discussion.chair ? `，${d.discussion.chair}主持` : ''}）` : ''}作出。`}</p>
      <IssuedFooter agency={d.agency} issuedAt={d.issuedAt} documentHash={issued.documentHash} draft={d.draft} entryId={issued.entryId} />
    </article>
  );
};

/** The printable decision page. */
export function renderDecisionPage(issued: IssuedDocument<DecisionDocument>, options: PageOptions = {}) {
  return standalonePage(`${issued.document.title} ${issued.number}`, <DecisionBody issued={issued} />, options);
}
