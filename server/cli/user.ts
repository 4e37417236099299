// Admin CLI for users: `npm run user -- create --username u --password p --roles handler[,reviewer]
// [--name 名字] [--certificate NO --certificate-until YYYY-MM-DD] [--qualification NO --qualification-until YYYY-MM-DD]`
// and `npm run user -- list`. Works on DATABASE_URL like the server.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDb } from '../../db/core/client.js';
import { createUserStore, userRoles } from '../../db/users/user-store.js';
import { parseEnv } from '../env.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const CreateSchema = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(8, 'at least 8 characters'),
  roles: z
    .string()
    .transform((s) => s.split(',').map((r) => r.trim()))
    .pipe(z.array(z.enum(userRoles)).min(1)),
  name: z.string().optional(),
  certificate: z.string().optional(),
  'certificate-until': IsoDate.optional(),
  qualification: z.string().optional(),
  'qualification-until': IsoDate.optional(),
});

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: Object.fromEntries(
      ['username', 'password', 'roles', 'name', 'certificate', 'certificate-until', 'qualification', 'qualification-until'].map((k) => [
        k,
        { type: 'string' as const },
      ]),
    ),
  });
  const env = parseEnv();
  const database = await createDb(env.DATABASE_URL);
  const users = createUserStore(database.client);
  try {
    if (positionals[0] === 'list') {
      for (const u of await users.list()) console.log(`${u.username}\t${u.roles.join(',')}\t${u.id}`);
      return 0;
    }
    if (positionals[0] !== 'create') {
      console.error('usage: npm run user -- create --username U --password P --roles handler,reviewer [...] | list');
      return 2;
    }
    const input = CreateSchema.safeParse(values);
    if (!input.success) {
      console.error(input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
      return 2;
    }
    const v = input.data;
    const user = await users.create({
      username: v.username,
      password: v.password,
      roles: v.roles,
      displayName: v.name,
      certificateNo: v.certificate,
      certificateValidUntil: v['certificate-until'],
      qualificationNo: v.qualification,
      qualificationValidUntil: v['qualification-until'],
    });
    console.log(JSON.stringify({ id: user.id, username: user.username, roles: user.roles }));
    return 0;
  } finally {
    database.close();
  }
}

process.exitCode = await main();
