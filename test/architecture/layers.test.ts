// The layering the house keeps: machines/ is pure (xstate and zod only, neither db/ nor server/), db/ never
// imports server/, and SQL lives only in db/. Read from the source files themselves, so a forbidden import
// fails here the moment it appears.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function sources(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name)) out.push(path);
    }
  };
  walk(join(root, folder));
  return out;
}

/** Every module specifier a file imports or re-exports, resolved to a repo-relative path when relative. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
  return specs.map((s) => (s.startsWith('.') ? relative(root, resolve(dirname(file), s)) : s));
}

const rel = (file: string) => relative(root, file);

describe('layers', () => {
  it('keeps machines/ pure: only xstate, zod, node:crypto and other machine files', () => {
    const bad = sources('machines').flatMap((file) =>
      imports(file)
        .filter((s) => !(s.startsWith('machines/') || ['xstate', 'zod', 'node:crypto'].includes(s)))
        .map((s) => `${rel(file)} imports ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('never lets db/ import server/', () => {
    const bad = sources('db').flatMap((file) =>
      imports(file)
        .filter((s) => s.startsWith('server/'))
        .map((s) => `${rel(file)} imports ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('keeps SQL in db/: no server file holds a SELECT, INSERT, UPDATE or DELETE statement', () => {
    const sql = /\b(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/;
    const bad = sources('server')
      .filter((file) => sql.test(readFileSync(file, 'utf8')))
      .map(rel);
    expect(bad).toEqual([]);
  });
});
