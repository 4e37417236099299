// The views behind the desk's queue rows, of every kind the desk opens: penalty cases from the case service,
// 查封、扣押 cases from theirs. Each service applies the access rule, so a row the user may not read drops out.
import type { CaseRow } from '../../../db/cases/case-store.js';
import type { User } from '../../../db/users/user-store.js';
import { coercionKind } from '../../../machines/coercion/coercion.versions.js';
import type { Services } from '../../services.js';
import type { QueueView } from '../queue-data.js';

/** The view of each row `user` may read, in the rows' order. */
export async function queueViews(services: Services, user: User, rows: CaseRow[]): Promise<QueueView[]> {
  const out: QueueView[] = [];
  for (const row of rows) {
    const viewed = row.machineId === coercionKind ? await services.coercion.view(user, row.id) : await services.cases.view(user, row.id);
    if (viewed.ok) out.push(viewed.value);
  }
  return out;
}

/** The desk page of a queue row's case: 查封扣押 cases have their own. */
export function caseHref(view: QueueView): string {
  return 'kind' in view && view.kind === coercionKind ? `/desk/coercion-cases/${view.id}` : `/desk/cases/${view.id}`;
}
