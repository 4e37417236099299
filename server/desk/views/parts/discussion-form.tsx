// The collective discussion form (集体讨论): members chosen among the users (with their vote and opinion), the
// chair and the conclusion. It checks completeness only; quorum and who may sit or chair are the machine's rules.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../../session.js';
import type { CasePageData } from '../../case-data.js';
import { DISCUSSION_ROWS, type FormErrors } from '../../form-commands.js';
import { CsrfField } from '../../layout.js';

/** Props: the case, and the errors and values of a refused post. */
export interface DiscussionFormProps {
  desk: DeskContext;
  data: CasePageData;
  errors?: FormErrors;
  values?: Record<string, string>;
}

const votes = ['agree', 'disagree', 'abstain'] as const;

/** The discussion form. People offered: active users holding a role the case's procedure seats. */
export const DiscussionForm: FC<DiscussionFormProps> = ({ desk, data, errors, values }) => {
  const { t } = desk;
  const law = t.law.discussion;
  const { procedure } = data.view;
  const seatable = new Set<string>([...procedure.discussion.memberRoles, ...procedure.discussion.chairRoles]);
  const people = data.people.filter((p) => p.roles.some((r) => seatable.has(r)));
  const err = (name: string) =>
    errors?.[name] ? (
      <p class="error-text" id={`err-${name}`}>
        {t.forms[errors[name]]}
      </p>
    ) : null;
  const described = (name: string) => (errors?.[name] ? `err-${name}` : undefined);
  const PersonSelect: FC<{ name: string; label: string }> = ({ name, label }) => (
    <div>
      <label for={name}>{label}</label>
      {err(name)}
      <select id={name} name={name} aria-describedby={described(name)} aria-invalid={errors?.[name] ? 'true' : undefined}>
        <option value="">{law.none}</option>
        {people.map((p) => (
          <option value={p.id} selected={values?.[name] === p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="post" action={`/desk/cases/${data.view.id}/events`} class="card" data-action="discussion.record">
      <CsrfField desk={desk} />
      <input type="hidden" name="type" value="discussion.record" />
      <input type="hidden" name="version" value={String(data.view.version)} />
      <h3>{t.head.recordDiscussion}</h3>
      <p class="hint">{law.quorumHint(procedure.discussion.quorum)}</p>
      {err('members')}
      {Array.from({ length: DISCUSSION_ROWS }, (_, i) => (
        <fieldset class="member-row">
          <legend>{law.member(i + 1)}</legend>
          <PersonSelect name={`member_user_${i}`} label={law.user} />
          <div>
            <label for={`member_vote_${i}`}>{law.vote}</label>
            {err(`member_vote_${i}`)}
            <select id={`member_vote_${i}`} name={`member_vote_${i}`} aria-describedby={described(`member_vote_${i}`)}>
              {votes.map((v) => (
                <option value={v} selected={values?.[`member_vote_${i}`] === v}>
                  {law.votes[v]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for={`member_opinion_${i}`}>{law.opinion}</label>
            {err(`member_opinion_${i}`)}
            <input
              type="text"
              id={`member_opinion_${i}`}
              name={`member_opinion_${i}`}
              value={values?.[`member_opinion_${i}`] ?? ''}
              aria-describedby={described(`member_opinion_${i}`)}
            />
          </div>
        </fieldset>
      ))}
      <PersonSelect name="chairId" label={law.chair} />
      <label for="conclusion">{t.head.conclusion}</label>
      {err('conclusion')}
      <textarea id="conclusion" name="conclusion" required>
        {values?.conclusion ?? ''}
      </textarea>
      <p>
        <button type="submit" class="secondary">
          {t.head.recordDiscussion}
        </button>
      </p>
    </form>
  );
};
