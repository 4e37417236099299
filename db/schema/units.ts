// Organisation units (单位): a tree of 支队 → 大队 / 科室, the 法制审核机构 among them, each with its 主要负责人.
// Invariant: a unit's `path` is its ancestors' ids and its own, fixed at creation (a unit is never moved), so
// "this unit and its sub-units" is a prefix test on the path.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const units = sqliteTable(
  'units',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** detachment (支队), brigade (大队), office (科室), review (法制审核机构). */
    kind: text('kind').notNull(),
    parentId: text('parent_id'),
    /** `/<root id>/…/<own id>/`: the unit's place in the tree, never changed. */
    path: text('path').notNull().unique(),
    /** The 主要负责人 (principal responsible person, seed §9(3)); null until named. */
    headUserId: text('head_user_id'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('units_parent_idx').on(t.parentId)],
);
