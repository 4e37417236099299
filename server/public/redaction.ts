// Redaction of the published content (公示): a natural person's personal data is not published (seed §9(1);
// 国办发〔2018〕118号 (六)). The rules are policy: name masking (张三 → 张某), the party's own fields (address)
// and regular expressions (ID numbers, phone numbers). Invariant: the same text and policy give the same output.
import type { DraftContent } from '../../machines/case/draft.schema.js';
import type { Redaction } from '../policy/publication-policy.schema.js';

/** Redacted text and the names of the rules that changed it. */
export interface Redacted {
  text: string;
  applied: string[];
}

/** A natural person's name as published: the surname (a compound one kept whole) followed by 某. */
export function maskName(name: string, compoundSurnames: readonly string[]): string {
  const trimmed = name.trim();
  const compound = compoundSurnames.find((s) => trimmed.startsWith(s) && trimmed.length > s.length);
  const surname = compound ?? Array.from(trimmed)[0] ?? '';
  return `${surname}某`;
}

const compiled = new WeakMap<Redaction, RegExp[]>();
/** The policy's patterns, compiled once per policy object. */
function patterns(redaction: Redaction): RegExp[] {
  let out = compiled.get(redaction);
  if (!out) {
    out = redaction.rules.map((rule) => new RegExp(rule.pattern, 'gu'));
    compiled.set(redaction, out);
  }
  return out;
}

/** Replaces every occurrence of `value` (a literal, not a pattern) in `text`. */
const replaceLiteral = (text: string, value: string, by: string) => (value ? text.split(value).join(by) : text);

/** Redacts `text` for publication in a case about `party`. */
export function redact(text: string, party: DraftContent['party'], redaction: Redaction): Redacted {
  let out = text;
  const applied = new Set<string>();
  const change = (next: string, name: string) => {
    if (next !== out) applied.add(name);
    out = next;
  };
  if (party.kind === 'person') {
    if (redaction.maskPersonName) change(replaceLiteral(out, party.name, maskName(party.name, redaction.compoundSurnames)), 'person_name');
    for (const key of redaction.personFields) {
      const value = party[key];
      if (value) change(replaceLiteral(out, value, redaction.fieldReplacement), `party_${key}`);
    }
  }
  const regexes = patterns(redaction);
  redaction.rules.forEach((rule, i) => {
    if (rule.parties.includes(party.kind)) change(out.replace(regexes[i]!, rule.replacement), rule.name);
  });
  return { text: out, applied: [...applied] };
}
