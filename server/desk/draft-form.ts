// The handler's structured draft form (决定代拟稿) as fields, and back: form fields → a draft checked by the
// API's own schema (DraftContentSchema), its issues → field errors. No rule of its own: the schema's limits
// are the only limits, and the case service then applies the machine's rules as it does for the API.
import { DraftContentSchema, ProposedKindSchema, measuresOf, type DraftContent } from '../../machines/case/draft.schema.js';
import { field, type FormBody } from './form-commands.js';

/** Rows the form offers for evidence and legal basis (empty rows are ignored). */
export const evidenceRows = 5;
export const basisRows = 5;

/** A field's error: required, or over its maximum length. */
export type DraftFieldError = { kind: 'required' } | { kind: 'tooLong'; max: number } | { kind: 'invalid' };

/** The values the form shows (strings, as typed). */
export type DraftFormValues = Record<string, string>;

/** The form values of a draft (to edit it). */
export function valuesOfDraft(d: DraftContent): DraftFormValues {
  // The form edits one measure; a draft in the structured shape (several measures) shows its first.
  const first = measuresOf(d)[0];
  const v: DraftFormValues = {
    title: d.title,
    party_name: d.party.name,
    party_kind: d.party.kind,
    facts: d.facts,
    proposed_kind: first?.kind ?? '',
    amount: first?.amountYuan === undefined ? '' : String(first.amountYuan),
    discretion: d.discretionItem ?? '',
    public_interest: d.flags?.publicInterest ? 'yes' : '',
    complex: d.flags?.complex ? 'yes' : '',
  };
  for (const [i, b] of d.legalBasis.entries()) v[`basis_${i}`] = b;
  d.evidence.forEach((e, i) => {
    v[`evidence_kind_${i}`] = e.kind;
    v[`evidence_desc_${i}`] = e.description;
    if (e.files?.length) v[`evidence_files_${i}`] = JSON.stringify(e.files);
  });
  return v;
}

const rowCount = (v: DraftFormValues, prefix: string, min: number) =>
  Math.max(
    min,
    ...Object.keys(v)
      .filter((k) => k.startsWith(prefix))
      .map((k) => Number(k.slice(prefix.length)) + 1),
  );

/** How many evidence and basis rows to draw for these values (at least the defaults, more if the draft has more). */
export const rowsFor = (v: DraftFormValues) => ({
  evidence: rowCount(v, 'evidence_kind_', evidenceRows),
  basis: rowCount(v, 'basis_', basisRows),
});

/** The posted fields as form values. */
export function valuesFromForm(form: FormBody): DraftFormValues {
  return Object.fromEntries(
    Object.keys(form)
      .filter((k) => k !== '_csrf')
      .map((k) => [k, field(form, k)]),
  );
}

function filesOf(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return 'invalid';
  }
}

/** The draft the values describe (not yet validated). */
function draftOf(v: DraftFormValues): unknown {
  const rows = rowsFor(v);
  const evidence = Array.from({ length: rows.evidence }, (_, i) => i)
    .filter((i) => v[`evidence_kind_${i}`] || v[`evidence_desc_${i}`])
    .map((i) => ({
      kind: v[`evidence_kind_${i}`] ?? '',
      description: v[`evidence_desc_${i}`] ?? '',
      files: filesOf(v[`evidence_files_${i}`]),
    }));
  const legalBasis = Array.from({ length: rows.basis }, (_, i) => v[`basis_${i}`] ?? '').filter((b) => b.trim());
  const amount = v.amount?.trim();
  const flags = { ...(v.public_interest ? { publicInterest: true } : {}), ...(v.complex ? { complex: true } : {}) };
  return {
    title: v.title ?? '',
    party: { name: v.party_name ?? '', kind: v.party_kind || 'organization' },
    facts: v.facts ?? '',
    legalBasis,
    evidence,
    proposed: {
      kind: ProposedKindSchema.safeParse(v.proposed_kind).success ? v.proposed_kind : 'fine',
      ...(amount ? { amountYuan: Number(amount) } : {}),
    },
    ...(v.discretion?.trim() ? { discretionItem: v.discretion } : {}),
    ...(Object.keys(flags).length ? { flags } : {}),
  };
}

// Schema paths → form field names (evidence.2.kind → evidence_kind_2; an empty list marks its first row).
function fieldOf(path: PropertyKey[]): string {
  const [head, a, b] = path.map(String);
  if (head === 'party') return a === 'kind' ? 'party_kind' : 'party_name';
  if (head === 'legalBasis') return `basis_${a ?? 0}`;
  if (head === 'evidence') return b === 'description' ? `evidence_desc_${a ?? 0}` : `evidence_kind_${a ?? 0}`;
  if (head === 'proposed') return a === 'amountYuan' ? 'amount' : 'proposed_kind';
  if (head === 'discretionItem') return 'discretion';
  return head ?? 'title';
}

/** The draft, or the field errors, by the API's schema. */
export function draftFromValues(
  v: DraftFormValues,
): { ok: true; draft: DraftContent } | { ok: false; errors: Record<string, DraftFieldError> } {
  const parsed = DraftContentSchema.safeParse(draftOf(v));
  if (parsed.success) return { ok: true, draft: parsed.data };
  const errors: Record<string, DraftFieldError> = {};
  for (const issue of parsed.error.issues) {
    const name = fieldOf(issue.path);
    if (errors[name]) continue;
    const max = (issue as { maximum?: unknown }).maximum;
    errors[name] =
      issue.code === 'too_big' && typeof max === 'number' && issue.path.at(-1) !== 'amountYuan'
        ? { kind: 'tooLong', max }
        : issue.code === 'too_small'
          ? { kind: 'required' }
          : { kind: 'invalid' };
  }
  return { ok: false, errors };
}
