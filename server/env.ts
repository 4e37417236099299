// The environment, parsed once at boot with zod; nothing else reads process.env.
// A bad value stops the process with a message naming the variable.
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off']).transform((v) => ['true', '1', 'yes', 'on'].includes(v));

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.string().min(1).default('file:./data/legal-review.db'),
    DEMO: bool.default(true),
    /** Path to a deadline/catalog policy JSON file; the bundled default when unset. */
    POLICY_FILE: z.string().optional(),
    /** Base64 Ed25519 private key (PKCS#8 DER) for signed audit checkpoints. */
    AUDIT_SIGNING_KEY: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.DEMO) {
      ctx.addIssue({ code: 'custom', path: ['DEMO'], message: 'demo data is refused in production: set DEMO=false' });
    }
  });
export type Env = z.infer<typeof EnvSchema>;

/** Parses `source` (process.env by default); throws one readable error listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}
