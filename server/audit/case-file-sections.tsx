// Sections 三 to 六 of the printable case file: draft versions, legal-review opinions with their seven
// items, the collective discussion and the decision. Pure JSX over the export data.
import type { FC } from 'hono/jsx';
import type { CaseExport } from './case-export.js';
import { chinaTime, outcomeLabel, proposalLabel } from './event-labels.js';

const itemLabels: Record<string, string> = {
  authority: '执法主体合法，执法人员具备资格',
  procedure: '执法程序合法',
  factsEvidence: '事实清楚，证据合法充分',
  lawDiscretion: '适用依据准确，裁量基准运用适当',
  withinPowers: '未超越法定权限',
  documents: '执法文书完备、规范',
  crimeTransfer: '是否涉嫌犯罪、需移送司法机关',
};

const when = (at: string | null | undefined): string => chinaTime(at);

interface DraftBody {
  title?: string;
  party?: { name?: string; kind?: string };
  facts?: string;
  legalBasis?: string[];
  evidence?: { kind: string; description: string; files?: { evidenceId: string; sha256: string }[] }[];
  proposed?: unknown;
  discretionItem?: string;
}

const Draft: FC<{ draft: CaseExport['drafts'][number] }> = ({ draft }) => {
  const d = (draft.content ?? {}) as DraftBody;
  return (
    <section>
      <h3>
        第{draft.version}稿 <span class="mono">{draft.hash}</span>
      </h3>
      <p class="meta">
        {draft.authorName} · {when(draft.at)}
      </p>
      <table>
        <tbody>
          <tr>
            <th>当事人</th>
            <td>
              {d.party?.name ?? ''}（{d.party?.kind === 'person' ? '自然人' : '单位'}）
            </td>
          </tr>
          <tr>
            <th>违法事实</th>
            <td>{d.facts ?? ''}</td>
          </tr>
          <tr>
            <th>法律依据</th>
            <td>{(d.legalBasis ?? []).join('；')}</td>
          </tr>
          <tr>
            <th>证据</th>
            <td>
              {(d.evidence ?? [])
                .map(
                  (e) =>
                    `${e.kind}：${e.description}${e.files?.length ? `（附件 ${e.files.map((f) => `${f.sha256.slice(0, 12)}…`).join('、')}）` : ''}`,
                )
                .join('；')}
            </td>
          </tr>
          <tr>
            <th>拟处理意见</th>
            <td>{proposalLabel(d)}</td>
          </tr>
          <tr>
            <th>裁量基准</th>
            <td>{d.discretionItem ?? '—'}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
};

const Review: FC<{ review: CaseExport['reviews'][number] }> = ({ review }) => {
  const items = (review.items ?? {}) as Record<string, { passed: boolean; finding?: string }>;
  return (
    <section>
      <h3>
        {outcomeLabel(review.outcome)} — {review.reviewerName}，{when(review.at)}（记录 #{review.entryId}）
      </h3>
      <p class="meta">
        审核的代拟稿 <span class="mono">{review.draftHash}</span>
      </p>
      <p>{review.opinion}</p>
      {Object.keys(items).length > 0 && (
        <table>
          <thead>
            <tr>
              <th>审核事项</th>
              <th>结论</th>
              <th>意见</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(items).map(([key, item]) => (
              <tr>
                <td>{itemLabels[key] ?? key}</td>
                <td>{item.passed ? '通过' : '存在问题'}</td>
                <td>{item.finding ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

/** Sections 三–六. */
export const CaseFileSections: FC<{ data: CaseExport }> = ({ data }) => {
  const links = data.responsibility.drafts.flatMap((d) => d.links);
  const discussions = links.filter((l) => l.step === 'discussion');
  return (
    <>
      <h2>三、决定代拟稿版本</h2>
      {data.drafts.map((d) => (
        <Draft draft={d} />
      ))}
      <h2>四、法制审核意见</h2>
      {data.reviews.length === 0 ? <p>本案未经法制审核。</p> : data.reviews.map((r) => <Review review={r} />)}
      <h2>五、集体讨论</h2>
      {discussions.length === 0 ? (
        <p>本案未经集体讨论。</p>
      ) : (
        discussions.map((l) => {
          const members = (l.detail.members ?? []) as { name: string; opinion: string }[];
          return (
            <section>
              <h3>
                第{l.draftVersion}稿，{when(l.at)}，记录人 {l.name}（记录 #{l.entry.id}）
              </h3>
              <table>
                <thead>
                  <tr>
                    <th>成员</th>
                    <th>意见</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((m) => (
                    <tr>
                      <td>{m.name}</td>
                      <td>{m.opinion}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>结论：{String(l.detail.conclusion ?? '')}</p>
            </section>
          );
        })
      )}
      <h2>六、决定</h2>
      {data.decision ? (
        <p>
          {data.decision.headName} 于 {when(data.decision.at)} 作出决定：{outcomeLabel(data.decision.outcome)}；依据第
          {data.decision.draftVersion}稿 <span class="mono">{data.decision.draftHash}</span>（记录 #{data.decision.entry.id}）。
        </p>
      ) : (
        <p>尚未作出决定。</p>
      )}
    </>
  );
};
