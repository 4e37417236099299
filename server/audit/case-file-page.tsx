// The printable case file (案卷评查) as one standalone HTML page: Chinese headings, inline styles, no scripts,
// no external assets. Pure: data in, string out; JSX escapes every record text, the SVG is escaped at its source.
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { CaseExport } from './case-export.js';
import { chinaTime, outcomeLabel, roleLabel, stateLabel } from './event-labels.js';
import { CaseFileSections } from './case-file-sections.js';
import { documentStyles } from '../documents/document-page.js';
import { DecisionBody } from '../documents/decision-page.js';
import { OpinionBody } from '../documents/opinion-page.js';
import { TransferBody } from '../documents/transfer-page.js';
import { HandoverBody } from '../documents/handover-page.js';
import { EvidenceManifest } from './case-file-evidence.js';

const css = `body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#1f2933;margin:24px;line-height:1.5}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;border-bottom:2px solid #243b53;padding-bottom:2px;margin-top:28px;break-after:avoid}
h3{font-size:14px;margin:14px 0 4px}table{border-collapse:collapse;width:100%;font-size:12px;margin:6px 0}
th,td{border:1px solid #bcccdc;padding:3px 6px;text-align:left;vertical-align:top}th{background:#f0f4f8}
.meta{color:#486581;font-size:12px}.mono{font-family:monospace;font-size:11px;word-break:break-all}.refused{color:#9b1c1c}
.ok{color:#1e6f3d;font-weight:700}.bad{color:#9b1c1c;font-weight:700}.svg{overflow-x:auto}.svg svg{max-width:100%;height:auto}
tr{break-inside:avoid}@media print{body{margin:0}a{color:inherit;text-decoration:none}.svg svg{max-width:100%}}`;

/** The page's stylesheet (inlined in <head>), for hosts whose CSP forbids inline styles (the review desk). */
export const caseFileStyles = `${css}\n${documentStyles}`;

const when = (at: string | null | undefined): string => chinaTime(at);

/** The credentials note in Chinese: flags are as vouched at each event; where the numbers come from. */
function credentialNote(data: CaseExport): string {
  const current = data.responsibility.drafts.some((d) => d.links.some((l) => l.actor?.credentialSource === 'current'));
  return `证件是否有效以各环节记录时的核验结果为准；证件编号${current ? '部分取自当前用户信息（早于编号留存功能的记录）' : '均在记录写入的同一事务中留存'}。`;
}

const Timeline: FC<{ data: CaseExport }> = ({ data }) => (
  <table>
    <thead>
      <tr>
        <th>记录号</th>
        <th>时间</th>
        <th>环节</th>
        <th>人员（角色）</th>
        <th>稿次</th>
        <th>内容摘要</th>
        <th>结果</th>
      </tr>
    </thead>
    <tbody>
      {data.timeline.map((t) => (
        <tr class={t.accepted ? '' : 'refused'}>
          <td class="mono">#{t.entryId}</td>
          <td>{when(t.at)}</td>
          <td>{t.label}</td>
          <td>
            {t.actorName}（{t.roleLabel}）
          </td>
          <td>第{t.draftVersion}稿</td>
          <td>{t.summary}</td>
          <td>{t.accepted ? '已记录' : `被拒绝：${t.refusal?.detail ?? ''}`}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

const Verification: FC<{ data: CaseExport }> = ({ data }) => {
  const v = data.verification;
  return (
    <section>
      <p class={v.ok ? 'ok' : 'bad'}>{v.ok ? '本案记录完整，未发现篡改。' : '本案记录校验未通过：记录可能被篡改。'}</p>
      <p>已校验记录 {v.entries} 条（每条记录的哈希及其与前一条记录的链接）。</p>
      {v.checkpoint ? (
        <p>
          最近的签名检查点：记录 #{v.checkpoint.sequence}，{when(v.checkpoint.at)}；签名{v.checkpoint.signatureValid ? '有效' : '无效'}
          ，哈希{v.checkpoint.headMatches ? '一致' : '不一致'}。
        </p>
      ) : (
        <p>本案最后一条记录之后尚无签名检查点。</p>
      )}
      {v.issues.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>记录号</th>
              <th>类型</th>
              <th>问题</th>
            </tr>
          </thead>
          <tbody>
            {v.issues.map((i) => (
              <tr>
                <td class="mono">#{i.id}</td>
                <td>{i.type}</td>
                <td>
                  {i.problem}：{i.detail}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

const Page: FC<{ data: CaseExport; svg: string }> = ({ data, svg }) => (
  <html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <title>案卷评查导出 — {data.case.title}</title>
      <style>{raw(caseFileStyles)}</style>
    </head>
    <body>
      <h1>案卷评查导出：{data.case.title}</h1>
      <p class="meta">
        案件编号 <span class="mono">{data.case.id}</span> · 导出时间 {when(data.exportedAt)}（北京时间，下同） · 导出人 {data.exportedBy}
      </p>
      <h2>一、基本情况</h2>
      <table>
        <tbody>
          <tr>
            <th>案件状态</th>
            <td>{stateLabel(data.case.state)}</td>
            <th>重大执法决定</th>
            <td>{data.case.isMajor ? `是（${data.case.majorReasons.map(stateLabel).join('、')}）` : '否'}</td>
          </tr>
          <tr>
            <th>立案时间</th>
            <td>{when(data.case.openedAt)}</td>
            <th>办结时间</th>
            <td>{when(data.case.endedAt)}</td>
          </tr>
          <tr>
            <th>送达</th>
            <td>{when(data.case.duties.servedAt)}</td>
            <th>公示</th>
            <td>{when(data.case.duties.publishedAt)}</td>
          </tr>
          <tr>
            <th>撤回公示</th>
            <td>{when(data.case.duties.publicationWithdrawnAt)}</td>
            <th>备案</th>
            <td>{when(data.case.duties.filedAt)}</td>
          </tr>
        </tbody>
      </table>
      <h2>二、办案时间线</h2>
      <Timeline data={data} />
      <CaseFileSections data={data} />
      <h2>七、责任链</h2>
      <p class="meta">{credentialNote(data)}</p>
      <div class="svg">{raw(svg)}</div>
      <table>
        <thead>
          <tr>
            <th>稿次</th>
            <th>人员</th>
            <th>角色</th>
            <th>承诺或意见</th>
            <th>证件</th>
            <th>时间</th>
            <th>记录</th>
          </tr>
        </thead>
        <tbody>
          {data.responsibility.drafts.flatMap((d) =>
            d.links.map((l) => (
              <tr>
                <td>第{l.draftVersion}稿</td>
                <td>{l.name}</td>
                <td>{roleLabel(l.role)}</td>
                <td>{l.attested}</td>
                <td>
                  {l.actor
                    ? `${l.actor.certificateNo ?? ''}${l.actor.certified ? '（执法证有效）' : ''} ${l.actor.qualificationNo ?? ''}${l.actor.qualified ? '（资格有效）' : ''}`
                    : '—'}
                </td>
                <td>{when(l.at)}</td>
                <td class="mono">
                  #{l.entry.id} {l.entry.hash.slice(0, 16)}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <h2>八、复议、诉讼与责任追究</h2>
      {data.inquiries.length === 0 ? (
        <p>无。</p>
      ) : (
        data.inquiries.map((q) => (
          <p>
            {outcomeLabel(q.outcome.forum)}（{q.outcome.body}，{q.outcome.documentRef}）：决定被{outcomeLabel(q.outcome.result)}； 责任追究
            {stateLabel(q.state)}
            {q.determination ? `：${q.determination.conclusion}` : ''}。
          </p>
        ))
      )}
      <h2>九、记录完整性校验</h2>
      <Verification data={data} />
      <h2>十、证据材料清单</h2>
      <p class="meta">文件随导出压缩包提供时，可用 sha256sum -c SHA256SUMS 逐一核对。</p>
      <EvidenceManifest data={data} />
      <h2>十一、法制审核意见书、决定书、移送书与移交清单</h2>
      {data.documents.opinions.length === 0 &&
      !data.documents.decision &&
      data.documents.transfers.length === 0 &&
      data.documents.handovers.length === 0 ? (
        <p>无。</p>
      ) : null}
      {data.documents.opinions.map((o) => (
        <OpinionBody issued={o} trail={o.trail} nested />
      ))}
      {data.documents.decision ? <DecisionBody issued={data.documents.decision} nested /> : null}
      {data.documents.transfers.map((d) => (
        <TransferBody issued={d} nested />
      ))}
      {data.documents.handovers.map((d) => (
        <HandoverBody issued={d} nested />
      ))}
    </body>
  </html>
);

/** The printable page of a case export; `svg` is the output of renderResponsibilitySvg. */
export async function renderCaseFilePage(data: CaseExport, svg: string): Promise<string> {
  const node = <Page data={data} svg={svg} />;
  return `<!doctype html>${await (node as unknown as { toString(): string | Promise<string> }).toString()}`;
}
