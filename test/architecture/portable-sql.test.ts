// Store SQL stays in the subset both backends run (docs/deployment.md, "Writing SQL that runs on both"): no
// SQLite-only or PostgreSQL-only idiom outside the engine-specific files of db/core and db/ops. Read from the
// sources, so a new store that slips one in fails here before it fails on the other backend.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where engine-specific SQL belongs (the backends themselves, file backups, the schema definitions). */
const engineSpecific = /^db\/(core|ops|schema|schema-pg|migrations|migrations-pg)\//;
/** A file that opens the native SQLite driver runs on libSQL files only (e.g. the chain walk's fast page check). */
const nativeSqliteOnly = /from ['"]libsql['"]/;

/** Idioms one backend lacks, with what to write instead. */
const idioms: [RegExp, string][] = [
  [/INSERT\s+OR\s+(IGNORE|REPLACE)|REPLACE\s+INTO/i, 'ON CONFLICT … DO NOTHING / DO UPDATE'],
  [/sqlite_master|information_schema|pg_catalog/i, 'client.hasTable(name)'],
  [/json_(extract|set|each|array|object|group)|->>/i, 'JSON as text, parsed in TypeScript'],
  [/\b(strftime|julianday|datetime|ifnull|group_concat|last_insert_rowid)\s*\(|\browid\b|\bGLOB\b/i, 'the common functions, RETURNING id'],
  [/\bPRAGMA\b|\bILIKE\b|::\w+|\$\d+/, 'CAST(x AS type) and ? placeholders'],
  [/\b(IS|=)\s+(TRUE|FALSE)\b/i, 'integer booleans: = 1 / = 0'],
];

function sources(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) out.push(path);
    }
  };
  walk(join(root, folder));
  return out;
}

/** The SQL-looking string literals of a file (template and quoted strings naming SQL keywords). */
function sqlStrings(text: string): string[] {
  const literals = [...text.matchAll(/`[^`]*`|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g)].map((m) => m[0]);
  return literals.filter((s) => /\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|ON CONFLICT)\b/.test(s));
}

describe('portable SQL', () => {
  it('keeps every store statement in the subset both backends run', () => {
    const bad = sources('db')
      .map((file) => relative(root, file))
      .filter((file) => !engineSpecific.test(file) && !nativeSqliteOnly.test(readFileSync(join(root, file), 'utf8')))
      .flatMap((file) =>
        sqlStrings(readFileSync(join(root, file), 'utf8')).flatMap((sql) =>
          idioms.filter(([re]) => re.test(sql)).map(([re, instead]) => `${file}: ${re.source} in ${sql.slice(0, 80)}… (write ${instead})`),
        ),
      );
    expect(bad).toEqual([]);
  });
});
