// The inbox (通知): the user's messages (assignments, returns, clocks due soon or overdue), unread first marked,
// with a form to mark them read, and the user's own certificate warnings.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../session.js';
import { CsrfField, Layout } from '../layout.js';
import { formatDate, formatDateTime } from '../i18n/index.js';
import type { NotificationRow } from '../../../db/notifications/notification-store.js';
import type { CertificateWarning } from '../../units/certificates.js';

export interface InboxPageProps {
  desk: DeskContext;
  unread: number;
  items: NotificationRow[];
  warnings: CertificateWarning[];
}

const Message: FC<{ desk: DeskContext; item: NotificationRow }> = ({ desk, item }) => {
  const t = desk.t.inbox;
  const d = item.detail as { clock?: string; dueDate?: string; credential?: string; number?: string; validUntil?: string; holder?: string };
  const text = t.kinds[item.kind as keyof typeof t.kinds] ?? item.kind;
  const credential = d.credential === 'certificate' ? t.enforcementCertificate : t.qualification;
  return (
    <li data-kind={item.kind} data-unread={item.readAt ? 'false' : 'true'}>
      <strong>{item.readAt ? text : `● ${text}`}</strong> {formatDateTime(item.createdAt, desk.lang)}
      {d.dueDate ? ` · ${t.due} ${formatDate(d.dueDate, desk.lang)}` : null}
      {d.validUntil && d.number
        ? ` · ${t.holderCredential(d.holder ?? '', credential, d.number, formatDate(d.validUntil, desk.lang))}`
        : null}
      {item.caseId ? (
        <>
          {' '}
          <a href={`/desk/cases/${item.caseId}`}>{t.openCase}</a>
        </>
      ) : null}
    </li>
  );
};

/** The inbox page. */
export const InboxPage: FC<InboxPageProps> = ({ desk, unread, items, warnings }) => {
  const t = desk.t.inbox;
  return (
    <Layout desk={desk} title={t.title} current="inbox">
      <p role="status" data-unread={unread}>
        {t.unread(unread)}
      </p>
      {warnings.length ? (
        <section aria-labelledby="cert-heading">
          <h2 id="cert-heading">{t.certificates}</h2>
          <ul>
            {warnings.map((w) => (
              <li data-kind={w.kind}>
                {t.certificate(
                  w.kind === 'certificate' ? t.enforcementCertificate : t.qualification,
                  w.number,
                  formatDate(w.validUntil, desk.lang),
                  w.daysLeft,
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading">{t.messages}</h2>
        {items.length ? (
          <ul class="inbox">
            {items.map((item) => (
              <Message desk={desk} item={item} />
            ))}
          </ul>
        ) : (
          <p class="muted">{t.empty}</p>
        )}
        {unread > 0 ? (
          <form method="post" action="/desk/inbox/read-all">
            <CsrfField desk={desk} />
            <button type="submit">{t.markAllRead}</button>
          </form>
        ) : null}
      </section>
    </Layout>
  );
};
