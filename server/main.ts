// Entry point of `npm start`: parse the environment, open and migrate the database, seed the demo when
// empty, and serve the API and review desk on one port.
import { serve } from '@hono/node-server';
import { parseEnv } from './env.js';
import { createDb } from '../db/core/client.js';
import { createServices } from './services.js';
import { loadPolicy } from './policy/load-policy.js';
import { createApp } from './app.js';
import { seedDemo } from './demo/seed-demo.js';
import { demoPassword } from './demo/demo-users.js';
import { moduleMounts, moduleServiceOptions, startModules, stopModules } from './mounts.js';

const env = parseEnv();
const database = await createDb(env.DATABASE_URL);
const services = await createServices(database, { policy: loadPolicy(env.POLICY_FILE), ...moduleServiceOptions(env) });
if (env.DEMO && (await seedDemo(services))) {
  console.log(
    `demo data seeded: users handler1, handler2, reviewer1, reviewer2, head1, clerk1, auditor1, admin1 (password "${demoPassword}")`,
  );
}
await startModules(services, env);
const app = createApp(services, moduleMounts(env));
const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  console.log(
    `legal-review engine listening on http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${info.port}/ (database ${env.DATABASE_URL})`,
  );
});

function shutdown(): void {
  stopModules();
  server.close(async () => {
    await services.writer.close();
    database.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
