// The draft decision (决定代拟稿) as reviewers read it, and the same draft as labelled lines for diffs.
import type { FC } from 'hono/jsx';
import { measuresOf, proposedOutcomeOf, type DraftContent } from '../../../../machines/case/draft.schema.js';
import type { DeskContext } from '../../session.js';
import { formatYuan } from '../../i18n/index.js';
import { sentences } from '../../draft-diff.js';
import { EvidenceFile, type CaseFiles } from './evidence-file.js';

/** Draft fields in reading order, as the diff compares them. */
export const draftFields = ['title', 'party', 'facts', 'evidence', 'legalBasis', 'proposed', 'discretionItem', 'flags'] as const;
export type DraftField = (typeof draftFields)[number];

/** The label of a draft field. */
export function draftFieldLabel(desk: DeskContext, field: DraftField): string {
  const c = desk.t.case;
  return {
    title: c.title,
    party: c.party,
    facts: c.facts,
    evidence: c.evidence,
    legalBasis: c.legalBasis,
    proposed: c.proposed,
    discretionItem: c.discretion,
    flags: c.flags,
  }[field];
}

/** The proposed decision in words, e.g. 罚款（金额：150,000 元）；暂扣许可证件（期限：30 日）. */
export function proposedText(desk: DeskContext, draft: DraftContent): string {
  const { t } = desk;
  const outcome = proposedOutcomeOf(draft);
  if (outcome !== 'penalty' && !('kind' in draft.proposed)) return t.outcomes[outcome];
  return measuresOf(draft)
    .map(({ kind, amountYuan, durationDays }) => {
      const sizes = [
        ...(amountYuan !== undefined ? [t.case.amount(formatYuan(amountYuan, desk.lang))] : []),
        ...(durationDays !== undefined ? [t.law.duration(durationDays)] : []),
      ];
      return `${t.kinds[kind]}${sizes.length ? `（${sizes.join('，')}）` : ''}`;
    })
    .join('；');
}

/** An evidence item as diff lines: its text, then one line per file (name and hash), so a swapped file shows. */
function evidenceLines(desk: DeskContext, d: DraftContent, files?: CaseFiles): string[] {
  return d.evidence.flatMap((e) => [
    `${e.kind}：${e.description}`,
    ...(e.files ?? []).map(
      (f) => `${e.kind}：${desk.t.evidence.file} ${files?.byId.get(f.evidenceId)?.filename ?? f.evidenceId}（SHA-256 ${f.sha256}）`,
    ),
  ]);
}

/** The draft as lines per field, for the version diff; `files` names the files a draft cites. */
export function draftLines(desk: DeskContext, d: DraftContent, files?: CaseFiles): Record<DraftField, string[]> {
  const { t } = desk;
  return {
    title: [d.title],
    party: [`${d.party.name}（${t.case[d.party.kind]}）`],
    facts: sentences(d.facts),
    evidence: evidenceLines(desk, d, files),
    legalBasis: [...d.legalBasis],
    proposed: [proposedText(desk, d)],
    discretionItem: d.discretionItem ? [d.discretionItem] : [],
    flags: [...(d.flags?.publicInterest ? [t.reasons.public_interest] : []), ...(d.flags?.complex ? [t.reasons.complex] : [])],
  };
}

/** The draft as a definition list under an h2. */
export const DraftView: FC<{ desk: DeskContext; draft: DraftContent; version: number; hash: string; files?: CaseFiles }> = ({
  desk,
  draft,
  version,
  hash,
  files,
}) => {
  const { t } = desk;
  return (
    <section aria-labelledby="draft-heading" class="card">
      <h2 id="draft-heading">{`${t.case.draft}（${t.case.draftVersion(version)}）`}</h2>
      <dl class="facts">
        <dt>{t.case.party}</dt>
        <dd>{`${draft.party.name}（${t.case[draft.party.kind]}）`}</dd>
        <dt>{t.case.facts}</dt>
        <dd>{draft.facts}</dd>
        <dt>{t.case.evidence}</dt>
        <dd>
          <ol>
            {draft.evidence.map((e) => (
              <li>
                <strong>{e.kind}</strong>
                {`：${e.description}`}
                {files && e.files?.length ? e.files.map((f) => <EvidenceFile desk={desk} files={files} file={f} />) : null}
              </li>
            ))}
          </ol>
        </dd>
        <dt>{t.case.legalBasis}</dt>
        <dd>
          <ul>
            {draft.legalBasis.map((b) => (
              <li>{b}</li>
            ))}
          </ul>
        </dd>
        <dt>{t.case.proposed}</dt>
        <dd>{proposedText(desk, draft)}</dd>
        <dt>{t.case.discretion}</dt>
        <dd>{draft.discretionItem ?? <span class="muted">{t.case.noDiscretion}</span>}</dd>
        <dt>{t.case.hash}</dt>
        <dd class="hash">{hash}</dd>
      </dl>
    </section>
  );
};
