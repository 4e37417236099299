// Entry point of `npm start`: validate the environment before anything touches the database, open and
// migrate it, start housekeeping, take part in the leader election (the leader seeds the demo when empty and
// runs the scheduler and checkpointing; on a libSQL file this process always leads), and serve the API and
// review desk on one port. It owns start-up and shutdown: nothing else starts a timer.
import { serve } from '@hono/node-server';
import { EnvError, parseEnv, type Env } from './env.js';
import { createDb, describeDatabaseUrl } from '../db/core/client.js';
import { createServices } from './services.js';
import { createApp } from './app.js';
import { seedDemo } from './demo/seed-demo.js';
import { demoPassword } from './demo/demo-users.js';
import { startCheckpointing, type Checkpointing } from './audit/checkpointing.js';

/** The environment, or one readable line per problem and exit 1 (no stack trace, nothing created). */
function environment(): Env {
  try {
    return parseEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const env = environment();
const database = await createDb(env.DATABASE_URL, { leaderPollMs: env.LEADER_POLL_MS, log: console.log });
const services = await createServices(database, { env });
await services.maintenance.run();
services.maintenance.start();
const leadership = database.leadership();
let checkpointing: Checkpointing | null = null;
// Only one process of a database runs these; another takes over when it dies (PostgreSQL).
await leadership.start({
  async start() {
    if (env.DEMO && (await seedDemo(services))) {
      console.log(
        `demo data seeded: units 支队, 法制审核科, two county 大队; users handler1, handler2, reviewer1, reviewer2, head1, head3, head4, clerk1, auditor1, admin1, handler3, head2 (password "${demoPassword}")`,
      );
    }
    await services.scheduler.start();
    // One dispatcher per database: the leader delivers the outbox to the webhooks.
    services.dispatcher.start();
    // The leader also mails the queued notification copies (when SMTP is configured).
    services.mailer.start();
    services.certificateReminders.start();
    checkpointing = await startCheckpointing({ services, env, signer: services.signer });
  },
  async stop() {
    await services.scheduler.stop();
    await services.dispatcher.stop();
    await services.mailer.stop();
    await services.certificateReminders.stop();
    // A last checkpoint of the head, witnessed, before another process takes over or the writer stops.
    await checkpointing?.stop();
    checkpointing = null;
  },
});
const app = createApp(services);
const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  console.log(
    `legal-review engine listening on http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${info.port}/ (database ${describeDatabaseUrl(env.DATABASE_URL)})`,
  );
});

function shutdown(): void {
  services.maintenance.stop();
  server.close(async () => {
    await leadership.stop();
    await services.readLog.flush();
    await services.writer.close();
    await database.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
