// Entry point of `npm start`: validate the environment before anything touches the database, open and
// migrate it, seed the demo when empty, start the scheduler, checkpointing and housekeeping, and serve the
// API and review desk on one port. It owns start-up and shutdown: nothing else starts a timer.
import { serve } from '@hono/node-server';
import { EnvError, parseEnv, type Env } from './env.js';
import { createDb } from '../db/core/client.js';
import { createServices } from './services.js';
import { createApp } from './app.js';
import { seedDemo } from './demo/seed-demo.js';
import { demoPassword } from './demo/demo-users.js';
import { startCheckpointing } from './audit/checkpointing.js';

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
const database = await createDb(env.DATABASE_URL);
const services = await createServices(database, { env });
if (env.DEMO && (await seedDemo(services))) {
  console.log(
    `demo data seeded: units 支队, 法制审核科, two county 大队; users handler1, handler2, reviewer1, reviewer2, head1, clerk1, auditor1, admin1, handler3, head2 (password "${demoPassword}")`,
  );
}
await services.scheduler.start();
services.dispatcher.start();
await services.maintenance.run();
services.maintenance.start();
const checkpointing = await startCheckpointing({ services, env, signer: services.signer });
const app = createApp(services);
const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  console.log(
    `legal-review engine listening on http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${info.port}/ (database ${env.DATABASE_URL})`,
  );
});

function shutdown(): void {
  services.maintenance.stop();
  server.close(async () => {
    await services.scheduler.stop();
    await services.dispatcher.stop();
    // A last checkpoint of the head, witnessed, before the writer stops.
    await checkpointing.stop();
    await services.readLog.flush();
    await services.writer.close();
    database.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
