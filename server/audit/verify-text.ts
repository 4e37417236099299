// The verification report as lines a person reads on a terminal: what was checked, every problem found
// (first broken entry, checkpoints, witness, streams, projections), warnings, and the verdict last.
import type { FullVerifyReport } from './verify.js';

function chainLines(report: FullVerifyReport): string[] {
  const lines: string[] = [];
  if (report.firstBroken) {
    const b = report.firstBroken;
    lines.push(`FIRST BROKEN ENTRY: id ${b.id}, case ${b.caseId}, type ${b.type}: ${b.problem} (${b.detail})`);
  }
  for (const i of report.issues.slice(1, 10)) lines.push(`  also: entry ${i.id} (${i.caseId}, ${i.type}): ${i.problem}`);
  if (report.issueCount > 10) lines.push(`  … ${report.issueCount - 10} more chain issues`);
  return lines;
}

function anchorLines(report: FullVerifyReport): string[] {
  const a = report.anchor;
  if (!a) return ['witness: none given (a consistent rewrite that also deletes checkpoint rows is only caught with --witness)'];
  const lines = [
    `witness: ${a.witness}: ${a.checked} checkpoints checked, ${a.rolledBack} rolled back by restores; anchored up to entry ${a.lastAnchored ?? 'none'}; unanchored entries: ${a.unanchored}`,
  ];
  for (const i of a.issues) lines.push(`WITNESS${i.line ? ` line ${i.line}` : ''}: ${i.problem} (${i.detail})`);
  return lines;
}

function projectionLines(report: FullVerifyReport): string[] {
  const p = report.projections;
  if (!p) return ['projections: not checked (--skip-projections)'];
  const lines = [`projections: ${p.checked} cases rebuilt from the record and compared; ${p.issueCount} differences`];
  for (const i of p.issues.slice(0, 20)) lines.push(`PROJECTION ${i.table} [${i.key}] ${i.field}: ${i.detail}`);
  if (p.issueCount > 20) lines.push(`  … ${p.issueCount - 20} more differences`);
  return lines;
}

function sideLines(report: FullVerifyReport): string[] {
  const r = report.readLog;
  const lines = [`read log: ${r.entries} reads checked; ${r.issueCount} issues`];
  for (const i of r.issues.slice(0, 20)) lines.push(`READ LOG entry ${i.id}: ${i.problem} (${i.detail})`);
  const d = report.documents;
  lines.push(`documents: ${d.documents} issued documents checked against ${d.references} record entries; ${d.issueCount} issues`);
  for (const i of d.issues.slice(0, 20)) lines.push(`DOCUMENT ${i.number} (case ${i.caseId}): ${i.problem} (${i.detail})`);
  const e = report.evidence;
  if (!e) return [...lines, 'evidence files: not checked (no evidence folder)'];
  lines.push(
    `evidence files: ${e.rows} files of cases, ${e.files} stored files hashed, ${e.references} references in the record; ${e.issueCount} issues`,
  );
  for (const i of e.issues.slice(0, 20)) lines.push(`EVIDENCE ${i.evidenceId} (case ${i.caseId}): ${i.problem} (${i.detail})`);
  if (e.issueCount > 20) lines.push(`  … ${e.issueCount - 20} more evidence issues`);
  return lines;
}

/** The report as text lines, verdict last. */
export function describeReport(report: FullVerifyReport): string[] {
  return [
    `entries checked: ${report.entries} in ${report.elapsedMs} ms (${report.entriesPerSecond} entries/s, ${report.workers} worker threads)`,
    `head: ${report.head ? `entry ${report.head.id} ${report.head.hash}` : 'empty record'}`,
    `checkpoints checked: ${report.checkpoints.checked}; streams checked: ${report.streams.checked}`,
    ...chainLines(report),
    ...report.checkpoints.issues.map((c) => `CHECKPOINT ${c.source} #${c.ref} at entry ${c.sequence}: ${c.problem} (${c.detail})`),
    ...report.streams.issues.map((s) => `STREAM ${s.stream}: ${s.problem} (${s.detail})`),
    ...anchorLines(report),
    ...projectionLines(report),
    ...sideLines(report),
    ...report.warnings.map((w) => `WARNING: ${w}`),
    report.ok ? 'RESULT: record intact' : 'RESULT: RECORD ALTERED',
  ];
}
