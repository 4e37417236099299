// The law map (docs/law-map.md): every rule of the engine under the article it enforces, with the tests that
// exercise it. Rules come from machines/case/case.law.ts (guards, refusal codes, rule functions, request schemas),
// the policy's `basis` fields and the fault rules; tests are found by grepping test files for the rule's name,
// its problem type or its policy key. Pure over its inputs, so the committed file can be checked for staleness.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { guardArticles, refusalArticles, ruleArticles, schemaArticles } from '../machines/case/case.law.js';

/** One rule: what it is, its name, the articles it names and the words a test exercising it contains. */
export interface LawRule {
  kind: 'guard' | 'refusal code' | 'rule function' | 'request schema' | 'policy key' | 'fault rule';
  name: string;
  articles: string[];
  terms: string[];
}

/** A test file as read: its path from the repository root and its text. */
export interface TestFile {
  path: string;
  text: string;
}

const problemType = (code: string) => `/problems/${code.replace(/_/g, '-')}`;

/** The rules of case.law.ts. */
export function lawRules(): LawRule[] {
  const of = (kind: LawRule['kind'], table: Record<string, readonly string[]>, terms: (name: string) => string[] = (n) => [n]) =>
    Object.entries(table).map(([name, articles]) => ({ kind, name, articles: [...articles], terms: terms(name) }));
  return [
    ...of('guard', guardArticles),
    ...of('refusal code', refusalArticles, (code) => [`'${code}'`, `'${code.replace(/_/g, '-')}'`, problemType(code)]),
    ...of('rule function', ruleArticles),
    ...of('request schema', schemaArticles),
  ];
}

/** The policy keys that carry a `basis` (the `basis` record of the major catalog names one per field). */
export function policyRules(policy: Record<string, unknown>): LawRule[] {
  const out: LawRule[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    if (typeof record.basis === 'string') out.push(policyRule(path, record.basis));
    else if (record.basis && typeof record.basis === 'object') {
      for (const [field, basis] of Object.entries(record.basis)) out.push(policyRule([...path, field], String(basis)));
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'basis') walk(child, [...path, key]);
  };
  walk(policy, []);
  return out;
}

function policyRule(path: string[], basis: string): LawRule {
  const last = path.at(-1)!;
  // A specific last segment (decisionExtension, opinionSignOff: camelCase) also finds the tests that use it.
  // A one-word key (`review`, `discussion`) is named as `policy.review`; longer paths are specific enough as they are.
  const terms = [
    `policy.${path.join('.')}`,
    ...(path.length > 1 ? [path.join('.')] : []),
    ...(/[A-Z]/.test(last) && last.length >= 8 ? [last] : []),
  ];
  return { kind: 'policy key', name: path.join('.'), articles: clauses(basis), terms };
}

/** The fault rules of server/audit/fault-rules.json, each under the sources its basis names. */
export function faultRules(file: { rules: { id: string; basis: string }[] }): LawRule[] {
  return file.rules.map((r) => ({ kind: 'fault rule', name: r.id, articles: clauses(r.basis), terms: [r.id] }));
}

/** The sources a free-text basis names: its `;`-separated clauses, each up to its first full stop. */
function clauses(basis: string): string[] {
  return basis
    .split(/;\s*/)
    .map((c) => c.split(/\.\s/)[0]!.trim())
    .filter((c) => c.length > 0);
}

/** Short names of the sources, as DOMAIN.md §6 writes them, so one article has one heading. */
const shortNames: [RegExp, string][] = [
  [/《交通(?:运输行政执法)?程序规定》/g, '交通'],
  [/国办发〔2018〕118号/g, '118号'],
  [/《行政执法机关移送涉嫌犯罪案件的规定》/g, '移送规定'],
  [/宁交执法监〔2024〕30号/g, 'seed'],
];

/** The heading an article is grouped under: the citation without [T] and without its remarks in parentheses. */
export function heading(article: string): string {
  let bare = article
    .replace(/^\[T\]\s*/, '')
    .replace(/\s+\([^)]*\)/g, '')
    .replace(/\s*（[^）]*）/g, '');
  for (const [pattern, short] of shortNames) bare = bare.replace(pattern, short);
  bare = bare.replace(/\s+/g, ' ').trim();
  return bare.length > 0 ? bare : article.trim();
}

/** The tests that contain one of `terms`: `file › enclosing test title` (or the file alone), sorted. */
export function testsOf(terms: string[], files: TestFile[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const lines = file.text.split('\n');
    lines.forEach((line, i) => {
      if (!terms.some((t) => line.includes(t))) return;
      found.add(enclosingTest(file.path, lines, i));
    });
  }
  return [...found].sort();
}

function enclosingTest(path: string, lines: string[], at: number): string {
  for (let i = at; i >= 0; i--) {
    const m = /\b(?:it|test)(?:\.each\(.*?\))?\(\s*(['"`])(.+?)\1/.exec(lines[i]!);
    if (m) return `${path} › ${m[2]}`;
    if (/^\s*describe\(/.test(lines[i]!)) break;
  }
  return path;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The law map as Markdown. */
export function lawMapMarkdown(rules: LawRule[], files: TestFile[]): string {
  const byArticle = new Map<string, { rule: LawRule; note: string }[]>();
  for (const rule of rules) {
    for (const article of rule.articles) {
      const key = heading(article);
      const note = article.trim() === key ? '' : article.trim();
      byArticle.set(key, [...(byArticle.get(key) ?? []), { rule, note }]);
    }
  }
  const out = [
    '# Law map (法律依据对照表)',
    '',
    'Generated by `npm run docs:law-map` (scripts/law-map.ts) from `machines/case/case.law.ts` (guards, refusal codes, rule',
    'functions, request schemas), the `basis` of every key of `server/policy/default-policy.json` and',
    '`server/audit/fault-rules.json`; do not edit. Tests are found by grepping `test/` for the rule’s name, its problem',
    'type or its policy key; `test/scripts/law-map.test.ts` fails when this file is stale or a rule names no article.',
    '',
    `${rules.length} rules under ${byArticle.size} sources.`,
    '',
  ];
  for (const key of [...byArticle.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
    out.push(`## ${key}`, '', '| Rule | Kind | As cited | Tests |', '|---|---|---|---|');
    const seen = new Set<string>();
    for (const { rule, note } of byArticle.get(key)!) {
      if (seen.has(`${rule.kind}:${rule.name}`)) continue;
      seen.add(`${rule.kind}:${rule.name}`);
      const tests = testsOf(rule.terms, files);
      const shown = tests.length > 4 ? [...tests.slice(0, 4), `and ${tests.length - 4} more`] : tests;
      out.push(`| \`${rule.name}\` | ${rule.kind} | ${escapeCell(note)} | ${escapeCell(shown.join('<br>') || '—')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The law map's own test names the rules without exercising them, so it is not searched. */
const lawMapTest = 'test/scripts/law-map.test.ts';

/** Every `*.ts`/`*.tsx` file under `dir`, relative to `root` (the law map's own test left out). */
export function readTestFiles(root: string, dir = join(root, 'test')): TestFile[] {
  const out: TestFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const rel = relative(root, path).split('\\').join('/');
    if (statSync(path).isDirectory()) out.push(...readTestFiles(root, path));
    else if (/\.tsx?$/.test(name) && rel !== lawMapTest) out.push({ path: rel, text: readFileSync(path, 'utf8') });
  }
  return out;
}

/** Every rule of the engine, read from the repository at `root`. */
export function allRules(root: string): LawRule[] {
  const policy = JSON.parse(readFileSync(join(root, 'server/policy/default-policy.json'), 'utf8')) as Record<string, unknown>;
  const faults = JSON.parse(readFileSync(join(root, 'server/audit/fault-rules.json'), 'utf8')) as {
    rules: { id: string; basis: string }[];
  };
  return [...lawRules(), ...policyRules(policy), ...faultRules(faults)];
}
