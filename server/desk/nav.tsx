// The desk's page list and main navigation, in one place. Whether a page shows is the access module's
// `canOpenDeskPage` (server/access), the same rule the page itself enforces: no role list lives here.
import type { FC } from 'hono/jsx';
import type { User } from '../../db/users/user-store.js';
import { canOpenDeskPage, type DeskPageKey } from '../access/access-rules.js';
import type { Lang, Messages } from './i18n/index.js';

/** One page in the main navigation. */
export interface DeskPage {
  key: DeskPageKey;
  href: string;
  label: (t: Messages, lang: Lang) => string;
}

/** The navigation entries, in display order. */
export const deskPages: DeskPage[] = [
  { key: 'queue', href: '/desk', label: (t) => t.nav.queue },
  { key: 'head', href: '/desk/head', label: (t) => t.nav.head },
  { key: 'clerk', href: '/desk/clerk', label: (t) => t.nav.clerk },
  { key: 'audit', href: '/desk/audit', label: (t) => t.nav.audit },
  // The public register (公示) needs no sign-in; the desk links to it for everyone.
  { key: 'public', href: '/public/decisions?format=html', label: (t) => t.party.publicPage },
  { key: 'inbox', href: '/desk/inbox', label: (t) => t.nav.inbox },
  { key: 'webhooks', href: '/desk/admin/webhooks', label: (t) => t.nav.webhooks },
  { key: 'staff', href: '/desk/admin/staff', label: (t) => t.nav.staff },
];

/** Pages `user` may open. */
export function pagesFor(user: User): DeskPage[] {
  return deskPages.filter((p) => canOpenDeskPage(user, p.key).ok);
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
