// What changed since the last reviewed draft: one block per changed field, removed and added lines
// marked in words as well as colour.
import type { FC } from 'hono/jsx';
import type { DraftContent } from '../../../../machines/case/draft.schema.js';
import type { DeskContext } from '../../session.js';
import { diffFields } from '../../draft-diff.js';
import { draftFieldLabel, draftFields, draftLines } from './draft-view.js';
import type { CaseFiles } from './evidence-file.js';

/** Props: the last reviewed draft and the current one, with their version numbers. */
export interface DiffViewProps {
  desk: DeskContext;
  before: { version: number; content: DraftContent };
  after: { version: number; content: DraftContent };
  /** The case's files, so added and removed files show by name as well as hash. */
  files?: CaseFiles;
}

/** The field-level diff section. */
export const DiffView: FC<DiffViewProps> = ({ desk, before, after, files }) => {
  const { t } = desk;
  const changes = diffFields(draftFields, draftLines(desk, before.content, files), draftLines(desk, after.content, files));
  return (
    <section aria-labelledby="diff-heading" class="card diff" data-diff-fields={changes.map((c) => c.field).join(' ')}>
      <h2 id="diff-heading">{t.case.changes}</h2>
      <p>{t.diff.since(before.version, after.version)}</p>
      {changes.length === 0 ? (
        <p>{t.diff.none}</p>
      ) : (
        changes.map((change) => (
          <div>
            <h3>{draftFieldLabel(desk, change.field)}</h3>
            {change.lines.map((line) =>
              line.op === 'del' ? (
                <del class="line">{`[${t.diff.removed}] ${line.text}`}</del>
              ) : line.op === 'add' ? (
                <ins class="line">{`[${t.diff.added}] ${line.text}`}</ins>
              ) : (
                <span class="line muted">{line.text}</span>
              ),
            )}
          </div>
        ))
      )}
    </section>
  );
};
