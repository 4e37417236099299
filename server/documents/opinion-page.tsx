// The printable 法制审核意见书: the opinion as issued, then what the record says followed it (sign-off, objection,
// coordination). Pure: data in, markup out; JSX escapes every recorded text.
import type { FC } from 'hono/jsx';
import type { OpinionDocument } from './opinion-document.js';
import type { IssuedDocument, OpinionItem } from './document-reader.js';
import { Heading, Title, chineseDate, partyKind, standalonePage, type PageOptions } from './document-page.js';

/** The body of an opinion, then what the record says followed it (sign-off, objection, coordination). */
export const OpinionBody: FC<{ issued: IssuedDocument<OpinionDocument>; trail?: OpinionItem; nested?: boolean }> = ({
  issued,
  trail,
  nested,
}) => {
  const d = issued.document;
  return (
    <article class="doc" data-document="opinion" data-number={d.number}>
      <header>
        <p class="agency">{d.agency}</p>
        <Title nested={nested}>重大执法决定法制审核意见书</Title>
        <p class="number">{d.number}</p>
      </header>
      <table>
        <tbody>
          <tr>
            <th>案件</th>
            <td>{d.case.title}</td>
          </tr>
          <tr>
            <th>当事人</th>
            <td>{`${d.case.party.name}（${partyKind[d.case.party.kind]}）`}</td>
          </tr>
          <tr>
            <th>审核对象</th>
            <td>
              {`决定代拟稿第${d.draft.version}稿`}
              <div class="hash">{d.draft.hash}</div>
            </td>
          </tr>
          <tr>
            <th>审核人员</th>
            <td>{`${d.reviewer.name}（法律职业资格${d.reviewer.qualificationNo ?? '—'}${d.reviewer.qualified ? '，有效' : '，无效'}）`}</td>
          </tr>
          <tr>
            <th>审核日期</th>
            <td>{chineseDate(d.issuedAt)}</td>
          </tr>
        </tbody>
      </table>
      <Heading nested={nested}>一、审核事项（《交通运输行政执法程序规定》第七十二条）</Heading>
      <table>
        <thead>
          <tr>
            <th>序号</th>
            <th>事项</th>
            <th>结论</th>
            <th>发现的问题</th>
          </tr>
        </thead>
        <tbody>
          {d.items.map((item, i) => (
            <tr>
              <td>{String(i + 1)}</td>
              <td>{item.label}</td>
              <td>{item.passed ? '符合' : '存在问题'}</td>
              <td>{item.finding ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Heading nested={nested}>二、审核结论</Heading>
      <p>{d.targetLabel ? `${d.outcomeLabel}：${d.targetLabel}` : d.outcomeLabel}</p>
      <Heading nested={nested}>三、书面审核意见</Heading>
      <p>{d.opinion}</p>
      {d.signOffRequired ? <p>本意见经法制审核机构负责人签发后生效。</p> : null}
      <p class="sign">{`审核人员：${d.reviewer.name}　　${chineseDate(d.issuedAt)}`}</p>
      <p class="hash">{`文书指纹（SHA-256）：${issued.documentHash}；记录 #${issued.entryId}`}</p>
      {trail ? <OpinionTrailView trail={trail} nested={nested} /> : null}
    </article>
  );
};

const coordination = { return_upheld: '维持审核意见，承办机构按意见纠正', handler_upheld: '采纳承办机构意见，可重新送审' } as Record<
  string,
  string
>;

const OpinionTrailView: FC<{ trail: OpinionItem; nested?: boolean }> = ({ trail, nested }) => {
  if (!trail.signOff && !trail.objection && !trail.coordination) return null;
  return (
    <section class="trail">
      <Heading nested={nested}>签发、异议与协调（记录于本意见之后，不属于上述文书内容）</Heading>
      {trail.signOff ? (
        <p>{`${trail.signOff.agree ? '签发' : '不同意签发'}：${trail.signOff.byName}，${chineseDate(trail.signOff.at)}${trail.signOff.comment ? `，${trail.signOff.comment}` : ''}（记录 #${trail.signOff.entryId}）`}</p>
      ) : null}
      {trail.objection ? (
        <p>{`承办人异议：${trail.objection.byName}，${chineseDate(trail.objection.at)}：${trail.objection.reason}（记录 #${trail.objection.entryId}）`}</p>
      ) : null}
      {trail.coordination ? (
        <p>{`负责人协调：${trail.coordination.byName}，${chineseDate(trail.coordination.at)}：${coordination[trail.coordination.result] ?? trail.coordination.result}。${trail.coordination.note}（记录 #${trail.coordination.entryId}）`}</p>
      ) : null}
    </section>
  );
};

/** The printable opinion page. */
export function renderOpinionPage(issued: IssuedDocument<OpinionDocument>, trail: OpinionItem | undefined, options: PageOptions = {}) {
  return standalonePage(`法制审核意见书 ${issued.number}`, <OpinionBody issued={issued} trail={trail} />, options);
}
