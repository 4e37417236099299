// The demo's organisation (demo mode and tests only): the city 支队 with its 法制审核科 and two county 大队, and
// where each demo user works. Fixed ids, so a resumed seed finds what it already made.
import type { NewUnit, UnitStore } from '../../db/units/unit-store.js';
import type { User, UserStore } from '../../db/users/user-store.js';

/** The demo units' ids. */
export const demoUnitIds = {
  detachment: 'demo-zhidui',
  review: 'demo-fazhi',
  datong: 'demo-datong',
  huangyuan: 'demo-huangyuan',
} as const;

/** Parents before children. */
export const demoUnits: (NewUnit & { id: string })[] = [
  { id: demoUnitIds.detachment, name: '西宁市交通运输综合行政执法支队', kind: 'detachment', parentId: null },
  { id: demoUnitIds.review, name: '法制审核科', kind: 'review', parentId: demoUnitIds.detachment },
  { id: demoUnitIds.datong, name: '大通县交通运输执法大队', kind: 'brigade', parentId: demoUnitIds.detachment },
  { id: demoUnitIds.huangyuan, name: '湟源县交通运输执法大队', kind: 'brigade', parentId: demoUnitIds.detachment },
];

/** Each unit's 主要负责人 among the demo users. */
export const demoUnitHeads: Record<string, string> = {
  [demoUnitIds.detachment]: 'head1',
  [demoUnitIds.review]: 'reviewer1',
  [demoUnitIds.datong]: 'head2',
};

/** Makes the demo units that are missing; answers whether it made any. */
export async function ensureDemoUnits(units: UnitStore): Promise<boolean> {
  let made = false;
  for (const unit of demoUnits) {
    if (await units.get(unit.id)) continue;
    await units.create(unit);
    made = true;
  }
  return made;
}

/**
 * Names each demo unit's 主要负责人 and places a demo user made before units existed in its unit; answers
 * whether it changed anything.
 */
export async function placeDemoUsers(
  stores: { units: UnitStore; users: UserStore },
  byName: Record<string, User>,
  unitOf: Record<string, string | null | undefined>,
): Promise<boolean> {
  let changed = false;
  for (const [name, user] of Object.entries(byName)) {
    const unitId = unitOf[name];
    if (user.unitId !== null || !unitId) continue;
    byName[name] = (await stores.users.update(user.id, { unitId }))!;
    changed = true;
  }
  for (const [unitId, name] of Object.entries(demoUnitHeads)) {
    const unit = await stores.units.get(unitId);
    const head = byName[name];
    if (!unit || !head || unit.headUserId !== null) continue;
    await stores.units.update(unitId, { headUserId: head.id });
    changed = true;
  }
  return changed;
}
