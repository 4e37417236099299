// The printable 法制审核意见书 and 决定书: standalone Chinese HTML pages for A4 (no scripts, no external assets
// unless a stylesheet link is asked for), and their bodies for the case-file export. Pure: data in, string out.
import type { FC } from 'hono/jsx';
import type { OpinionDocument } from './opinion-document.js';
import type { DecisionDocument } from './decision-document.js';
import type { IssuedDocument, OpinionItem } from './document-reader.js';

/** The documents' stylesheet: A4 pages, Chinese serif for the text as printed documents are. */
export const documentStyles = `@page{size:A4;margin:25mm 22mm}
.doc{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;color:#111;max-width:170mm;margin:0 auto 24px;line-height:1.7;font-size:15px}
.doc header{text-align:center;margin-bottom:12px}.doc .agency{font-size:17px;margin:0}.doc h1{font-size:22px;letter-spacing:2px;margin:6px 0}
.doc .number{margin:0 0 8px}.doc h2,.doc h4{font-size:16px;margin:14px 0 4px;border:0}.doc h3.title{font-size:22px;letter-spacing:2px;margin:6px 0;text-align:center}.doc table{border-collapse:collapse;width:100%;font-size:14px}
.doc th,.doc td{border:1px solid #444;padding:4px 6px;text-align:left;vertical-align:top}.doc .sign{text-align:right;margin-top:24px}
.doc .hash{font-family:monospace;font-size:11px;word-break:break-all;color:#333}.doc .trail{border-top:1px dashed #666;margin-top:16px;font-size:13px}
@media print{.doc{max-width:none;margin:0}.no-print{display:none}}`;

/** A date in China time as printed on documents, e.g. 2026年10月9日. */
export function chineseDate(at: string): string {
  const d = new Date(Date.parse(at) + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

const partyKind = { person: '自然人', organization: '法人或者其他组织' } as const;

/** Heading levels: h1/h2 on a page of its own, h3/h4 inside the case file (one h1 per page). */
const Title: FC<{ nested?: boolean; children?: unknown }> = ({ nested, children }) =>
  nested ? <h3 class="title">{children}</h3> : <h1>{children}</h1>;
const Heading: FC<{ nested?: boolean; children?: unknown }> = ({ nested, children }) =>
  nested ? <h4>{children}</h4> : <h2>{children}</h2>;

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
      <p class="sign">
        {`${d.agency}（印章）`}
        <br />
        {chineseDate(d.issuedAt)}
      </p>
      <p class="hash">{`文书指纹（SHA-256）：${issued.documentHash}；决定代拟稿第${d.draft.version}稿 ${d.draft.hash}；记录 #${issued.entryId}`}</p>
    </article>
  );
};

/** Options of a standalone page: a stylesheet link instead of the inline styles (hosts whose CSP forbids them). */
export interface PageOptions {
  styleHref?: string;
}

async function page(title: string, body: unknown, options: PageOptions): Promise<string> {
  const style = options.styleHref ? `<link rel="stylesheet" href="${options.styleHref}">` : `<style>${documentStyles}</style>`;
  const text = await (body as { toString(): string | Promise<string> }).toString();
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>${style}</head><body>${text}</body></html>`;
}

const escapeText = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The printable opinion page. */
export function renderOpinionPage(issued: IssuedDocument<OpinionDocument>, trail: OpinionItem | undefined, options: PageOptions = {}) {
  return page(escapeText(`法制审核意见书 ${issued.number}`), <OpinionBody issued={issued} trail={trail} />, options);
}

/** The printable decision page. */
export function renderDecisionPage(issued: IssuedDocument<DecisionDocument>, options: PageOptions = {}) {
  return page(escapeText(`${issued.document.title} ${issued.number}`), <DecisionBody issued={issued} />, options);
}
