// What changed between two draft versions, as a field-by-field line diff (longest common subsequence).
// Pure: the caller turns each draft into labelled lines, so wording and language stay in the views.

/** One line of a diff: kept, added or removed. */
export interface DiffLine {
  op: 'same' | 'add' | 'del';
  text: string;
}

/** A changed field and its line diff. */
export interface FieldDiff<K extends string> {
  field: K;
  lines: DiffLine[];
}

/** Line diff of `a` → `b` by longest common subsequence; fine for drafts of a few hundred lines. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: 'del', text: a[i++]! });
    else out.push({ op: 'add', text: b[j++]! });
  }
  while (i < n) out.push({ op: 'del', text: a[i++]! });
  while (j < m) out.push({ op: 'add', text: b[j++]! });
  return out;
}

/** The fields whose lines differ, in the order of `fields`, each with its line diff. */
export function diffFields<K extends string>(
  fields: readonly K[],
  before: Record<K, string[]>,
  after: Record<K, string[]>,
): FieldDiff<K>[] {
  return fields
    .map((field) => ({ field, lines: diffLines(before[field], after[field]) }))
    .filter((d) => d.lines.some((l) => l.op !== 'same'));
}

/** Splits prose into sentences (after 。；！？ or a newline) so a changed sentence shows on its own. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；！？])|\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
