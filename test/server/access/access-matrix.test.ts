// Walks the access matrix of docs/access.md through the real app, every role on every route and desk page,
// and compares each cell; also proves the doc names every registered route, so the doc cannot drift.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { DeskClient } from '../desk/desk-client.js';
import { matrixRoles, matrixWorld, roleUsers, type MatrixRole, type MatrixWorld } from './matrix-fixtures.js';
import { probes } from './matrix-probes.js';

type Cell = 'allowed' | '403' | '404';
interface Row {
  key: string;
  cells: Record<MatrixRole, string>;
}

const doc = readFileSync(new URL('../../../docs/access.md', import.meta.url), 'utf8');
const section = (title: string) => doc.slice(doc.indexOf(title), doc.indexOf('\n## ', doc.indexOf(title) + 1));
/** Table rows whose first cell is a backticked route, e.g. `GET /desk` †. */
const routeRows = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => ({ key: /^`([^`]+)`/.exec(cells[1]!)![1]!, cells: cells.slice(2, -1) }));

const matrix: Row[] = routeRows(section('## The matrix').split('### Open without signing in')[0]!).map(({ key, cells }) => ({
  key,
  cells: Object.fromEntries(matrixRoles.map((role, i) => [role, cells[i]!])) as Record<MatrixRole, string>,
}));
const publicRoutes = routeRows(section('### Open without signing in')).map((r) => r.key);

/** allowed (2xx, or a redirect after a desk form), 403 or 404; anything else names its status. */
function cellOf(res: Response): Cell | string {
  if ((res.headers.get('location') ?? '').startsWith('/desk/sign-in')) return 'signed out';
  if (res.status >= 200 && res.status < 400) return 'allowed';
  return res.status === 403 || res.status === 404 ? String(res.status) : `status ${res.status}`;
}

let t: TestApp;
let world: MatrixWorld;
const desks = {} as Record<MatrixRole, DeskClient>;

beforeAll(async () => {
  t = await createTestApp();
  world = await matrixWorld(t);
  for (const role of matrixRoles) {
    desks[role] = new DeskClient(t);
    await desks[role].signIn(roleUsers[role]);
  }
});
afterAll(async () => {
  await t.close();
});

describe('the access matrix in docs/access.md', () => {
  it('names every registered route exactly once, in the matrix or among the open routes', () => {
    const registered = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].sort();
    const documented = [...matrix.map((r) => r.key.split('?')[0]!), ...publicRoutes];
    expect([...new Set(documented)].sort()).toEqual(registered);
    expect(new Set(matrix.map((r) => r.key)).size).toBe(matrix.length);
    expect(matrix.map((r) => r.key).sort()).toEqual(Object.keys(probes).sort());
  });

  // One walk of every route for every role: it grows with each route, past the default timeout on a loaded machine.
  it('holds for every role on every route and desk page, through the real app', { timeout: 180_000 }, async () => {
    const actual: Record<string, Record<MatrixRole, string>> = {};
    const expected: Record<string, Record<MatrixRole, string>> = {};
    for (const row of matrix) {
      expected[row.key] = row.cells;
      actual[row.key] = {} as Record<MatrixRole, string>;
      for (const role of matrixRoles) {
        const res = await probes[row.key]!({ t, world, user: roleUsers[role], desk: desks[role] });
        actual[row.key]![role] = cellOf(res);
        if (res.status === 403 && row.key.includes(' /api/'))
          expect((await res.json()).type, `${row.key} ${role}`).toMatch(/^\/problems\//);
      }
    }
    expect(actual).toEqual(expected);
  });

  it('shows a page in the desk navigation exactly when the matrix lets the role open it', async () => {
    const navPages = ['/desk', '/desk/head', '/desk/clerk', '/desk/audit', '/public/decisions?format=html'];
    for (const role of matrixRoles) {
      const html = await (await desks[role].get('/desk')).text();
      const nav = /<nav class="main"[\s\S]*?<\/nav>/.exec(html)![0];
      const linked = navPages.filter((href) => nav.includes(`href="${href}"`));
      // The public register is open to everyone (an open route), so every role sees its link.
      const allowed = navPages.filter(
        (href) =>
          publicRoutes.includes(`GET ${href.split('?')[0]}`) || matrix.find((r) => r.key === `GET ${href}`)!.cells[role] === 'allowed',
      );
      expect(linked, role).toEqual(allowed);
    }
  });

  it('answers open routes without a token or session (never 401, never a sign-in redirect)', async () => {
    for (const key of publicRoutes) {
      const [method, path] = key.split(' ') as [string, string];
      const res = await t.app.request(path, { method, headers: method === 'POST' ? { 'Content-Type': 'application/json' } : {} });
      expect(res.status, key).not.toBe(401);
      expect(res.headers.get('location') ?? '', key).not.toMatch(/sign-in\?reason=required/);
    }
  });
});
