// The admin's delivery page: registered webhook endpoints, the delivery log and the dead letters, each dead one
// with a form to queue it again (the same store and rule as the API).
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../session.js';
import { CsrfField, Layout } from '../layout.js';
import { formatDateTime } from '../i18n/index.js';
import type { DeliveryRow, Webhook } from '../../../db/outbox/webhook-store.js';

export interface WebhooksPageProps {
  desk: DeskContext;
  hooks: Omit<Webhook, 'secret'>[];
  deliveries: DeliveryRow[];
  dead: DeliveryRow[];
}

const Deliveries: FC<{ desk: DeskContext; rows: DeliveryRow[]; caption: string; retry?: boolean }> = ({ desk, rows, caption, retry }) => {
  const t = desk.t.webhooks;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t.type}</th>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.attempts}</th>
          <th scope="col">{t.lastError}</th>
          <th scope="col">{t.updated}</th>
          {retry ? <th scope="col">{t.retry}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr data-delivery={d.id} data-status={d.status}>
            <td>{d.id}</td>
            <td>{d.type}</td>
            <td>{t.statuses[d.status]}</td>
            <td>{d.attempts}</td>
            <td>{d.lastError ?? ''}</td>
            <td>{formatDateTime(d.updatedAt, desk.lang)}</td>
            {retry ? (
              <td>
                <form method="post" action={`/desk/admin/webhooks/deliveries/${d.id}/retry`}>
                  <CsrfField desk={desk} />
                  <button type="submit">{t.retry}</button>
                </form>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** The webhooks page. */
export const WebhooksPage: FC<WebhooksPageProps> = ({ desk, hooks, deliveries, dead }) => {
  const t = desk.t.webhooks;
  return (
    <Layout desk={desk} title={t.title} current="webhooks">
      <section aria-labelledby="hooks-heading">
        <h2 id="hooks-heading">{t.endpoints}</h2>
        {hooks.length ? (
          <ul>
            {hooks.map((h) => (
              <li>
                <code>{h.url}</code> · {h.events.join(', ')}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t.none}</p>
        )}
      </section>
      <section aria-labelledby="dead-heading">
        <h2 id="dead-heading">{t.dead}</h2>
        {dead.length ? <Deliveries desk={desk} rows={dead} caption={t.dead} retry /> : <p class="muted">{t.none}</p>}
      </section>
      <section aria-labelledby="log-heading">
        <h2 id="log-heading">{t.log}</h2>
        {deliveries.length ? <Deliveries desk={desk} rows={deliveries} caption={t.log} /> : <p class="muted">{t.none}</p>}
      </section>
    </Layout>
  );
};
