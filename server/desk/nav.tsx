// The desk's page list and main navigation, in one place: a module adding pages (e.g. the auditor's
// timeline) appends to `deskPages`, and every layout shows the pages the signed-in user's roles may open.
import type { FC } from 'hono/jsx';
import type { User, UserRole } from '../../db/users/user-store.js';
import type { Lang, Messages } from './i18n/index.js';

/** One page in the main navigation. */
export interface DeskPage {
  key: string;
  href: string;
  label: (t: Messages, lang: Lang) => string;
  /** Roles that see the link; `all` for every signed-in user. */
  roles: readonly UserRole[] | 'all';
}

/** The navigation entries, in display order. */
export const deskPages: DeskPage[] = [
  { key: 'queue', href: '/desk', label: (t) => t.nav.queue, roles: 'all' },
  { key: 'head', href: '/desk/head', label: (t) => t.nav.head, roles: ['head'] },
  { key: 'clerk', href: '/desk/clerk', label: (t) => t.nav.clerk, roles: ['clerk'] },
  // The auditor's pages (server/ui/audit/); heads and admins may open them too, as the audit API allows.
  { key: 'audit', href: '/desk/audit', label: (t) => t.nav.audit, roles: ['auditor', 'head', 'admin'] },
  // The public register (公示) needs no sign-in; the desk links to it for everyone.
  { key: 'public', href: '/public/decisions?format=html', label: (t) => t.party.publicPage, roles: 'all' },
];

/** Pages `user` may open. */
export function pagesFor(user: User): DeskPage[] {
  return deskPages.filter((p) => p.roles === 'all' || p.roles.some((r) => user.roles.includes(r)));
}

/** The main navigation; `current` marks the page shown with `aria-current`. */
export const DeskNav: FC<{ user: User; t: Messages; lang: Lang; current?: string }> = ({ user, t, lang, current }) => (
  <nav class="main" aria-label={t.nav.label}>
    <ul>
      {pagesFor(user).map((p) => (
        <li>
          <a href={p.href} aria-current={p.key === current ? 'page' : undefined}>
            {p.label(t, lang)}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);
