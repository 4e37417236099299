// The review desk as a server module: server-rendered pages at /desk (and / redirecting there), in the
// same process and over the same services as the API.
import type { ServerModule } from '../mounts.js';
import { createSessionStore } from '../../db/users/session-store.js';
import { deskRoutes } from './desk.routes.js';

/** Registers the desk; cookies are Secure in production, where the desk must sit behind HTTPS. */
export const deskModule: ServerModule = {
  name: 'desk',
  mount:
    (env) =>
    ({ app }, services) => {
      const sessions = createSessionStore(services.database.client, services.users, services.now);
      app.get('/', (c) => c.redirect('/desk', 302));
      app.route('/desk', deskRoutes(services, sessions, { secure: env.NODE_ENV === 'production', demo: env.DEMO }));
    },
};
