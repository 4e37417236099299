// Entry point of `npm start`: parse the environment, open and migrate the database, seed the demo when
// empty, start the scheduler and the checkpoint timer, and serve the API and review desk on one port.
// It owns start-up and shutdown: nothing else starts a timer.
import { serve } from '@hono/node-server';
import { parseEnv } from './env.js';
import { createDb } from '../db/core/client.js';
import { createServices } from './services.js';
import { createApp } from './app.js';
import { seedDemo } from './demo/seed-demo.js';
import { demoPassword } from './demo/demo-users.js';
import { createCheckpointTimer } from './audit/checkpoint-timer.js';

const env = parseEnv();
const database = await createDb(env.DATABASE_URL);
const services = await createServices(database, { env });
if (env.DEMO && (await seedDemo(services))) {
  console.log(
    `demo data seeded: users handler1, handler2, reviewer1, reviewer2, head1, clerk1, auditor1, admin1 (password "${demoPassword}")`,
  );
}
await services.scheduler.start();
await services.maintenance.run();
services.maintenance.start();
const checkpoints = createCheckpointTimer({
  client: database.client,
  checkpoints: services.checkpoints,
  signer: services.signer,
  now: services.now,
});
checkpoints.start();
const app = createApp(services);
const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  console.log(
    `legal-review engine listening on http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${info.port}/ (database ${env.DATABASE_URL})`,
  );
});

function shutdown(): void {
  checkpoints.stop();
  services.maintenance.stop();
  server.close(async () => {
    await services.scheduler.stop();
    await services.writer.close();
    database.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
