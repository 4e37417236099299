// Keeps the organisation units (单位): the tree of 支队 → 大队 / 科室, each unit's 主要负责人, and who works where.
// Invariant: a unit's path is fixed when it is made (parent's path + own id), so a unit is never moved and the
// path of every case and user placed in it stays true.
import type { SqlClient } from '../core/sql.js';
import { statementWriter } from '../core/statement-writer.js';
import type { Writer } from '../core/writer.js';
import { randomUUID } from 'node:crypto';

export const unitKinds = ['detachment', 'brigade', 'office', 'review'] as const;
/** detachment (支队), brigade (大队), office (科室), review (法制审核机构). */
export type UnitKind = (typeof unitKinds)[number];

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  path: string;
  headUserId: string | null;
  active: boolean;
  createdAt: string;
}

export interface NewUnit {
  /** A chosen id (demo data, imports); a UUID when absent. */
  id?: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  headUserId?: string | null;
}

/** What an administrator may change of a unit (never its place in the tree). */
export type UnitPatch = Partial<Pick<Unit, 'name' | 'headUserId' | 'active'>>;

function toUnit(r: Record<string, unknown>): Unit {
  return {
    id: String(r.id),
    name: String(r.name),
    kind: String(r.kind) as UnitKind,
    parentId: r.parent_id == null ? null : String(r.parent_id),
    path: String(r.path),
    headUserId: r.head_user_id == null ? null : String(r.head_user_id),
    active: Number(r.active) === 1,
    createdAt: String(r.created_at),
  };
}

/**
 * The unit store over the shared client (units change rarely, by an administrator); its writes go through
 * the process's single `writer` when given (the server), else on the client (seeding tools).
 */
export function createUnitStore(client: SqlClient, now: () => Date = () => new Date(), writer?: Pick<Writer, 'write'>) {
  const commit = statementWriter(client, writer);
  const where = async (sql: string, args: string[]) =>
    (await client.execute({ sql: `SELECT * FROM units ${sql}`, args })).rows.map((r) => toUnit(r as Record<string, unknown>));
  const get = async (id: string): Promise<Unit | null> => (await where('WHERE id = ?', [id]))[0] ?? null;
  return {
    get,
    /** Every unit, parents before their children (path order). */
    list: (): Promise<Unit[]> => where('ORDER BY path', []),
    /** The unit with path `path` and every unit below it. */
    subtree: (path: string): Promise<Unit[]> => where('WHERE substr(path, 1, length(?)) = ? ORDER BY path', [path, path]),
    /** Makes a unit under `parentId` (null: a root); null when the parent does not exist. */
    async create(input: NewUnit): Promise<Unit | null> {
      const parent = input.parentId ? await get(input.parentId) : null;
      if (input.parentId && !parent) return null;
      const id = input.id ?? randomUUID();
      await commit([
        {
          sql: 'INSERT INTO units (id, name, kind, parent_id, path, head_user_id, active, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)',
          args: [id, input.name, input.kind, input.parentId, `${parent?.path ?? '/'}${id}/`, input.headUserId ?? null, now().toISOString()],
        },
      ]);
      return get(id);
    },
    /** Sets the fields of `patch`; answers the unit as now stored, or null when there is none. */
    async update(id: string, patch: UnitPatch): Promise<Unit | null> {
      const sets: string[] = [];
      const args: (string | number | null)[] = [];
      if (patch.name !== undefined) sets.push('name = ?') && args.push(patch.name);
      if (patch.headUserId !== undefined) sets.push('head_user_id = ?') && args.push(patch.headUserId);
      if (patch.active !== undefined) sets.push('active = ?') && args.push(patch.active ? 1 : 0);
      if (sets.length > 0) await commit([{ sql: `UPDATE units SET ${sets.join(', ')} WHERE id = ?`, args: [...args, id] }]);
      return get(id);
    },
  };
}
export type UnitStore = ReturnType<typeof createUnitStore>;
