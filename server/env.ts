// The environment, parsed once at boot with zod; nothing else reads process.env.
// A bad value stops the process with one readable line per problem, before anything opens the database.
import { z } from 'zod';
import { productionProblems, splitKeys } from './env-production.js';

export { splitKeys };

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off']).transform((v) => ['true', '1', 'yes', 'on'].includes(v));

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    /** A libSQL URL (`file:…`, the default: one process) or `postgres://…` (several processes, docs/deployment.md). */
    DATABASE_URL: z.string().min(1).default('file:./data/legal-review.db'),
    /** PostgreSQL only: how often a process that does not lead tries to take over the scheduler and checkpoints. */
    LEADER_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    /**
     * The longest a revocation or deactivation made by another process (the user CLI, another server) may go
     * unseen by this server's token cache; its own take effect at once. 0: the auth epoch is read on every request.
     */
    AUTH_RECHECK_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    DEMO: bool.default(true),
    /** Path to a deadline/catalog policy JSON file; the bundled default when unset. */
    POLICY_FILE: z.string().optional(),
    /** Base64 Ed25519 private key (PKCS#8 DER) for signed audit checkpoints. */
    AUDIT_SIGNING_KEY: z.string().optional(),
    /** Comma-separated base64 SPKI DER Ed25519 public keys the verifier trusts; when set, it trusts no other. */
    AUDIT_PUBLIC_KEYS: z.string().optional(),
    /**
     * Where each checkpoint is also appended, outside the database: a file path (JSON lines, fsynced) or an
     * http(s) URL (one POST per checkpoint); `none` turns it off (refused in production). Default: a
     * `<data folder>-witness/checkpoints.jsonl` beside the database's folder.
     */
    AUDIT_WITNESS: z.string().optional(),
    /** Folder of the evidence file store; default: `evidence/` in the database's folder. */
    EVIDENCE_DIR: z.string().min(1).optional(),
    /** Let webhooks call private, loopback and link-local addresses (closed networks, tests); off by default. */
    WEBHOOK_ALLOW_PRIVATE: bool.default(false),
    /** The SMTP server notifications are also mailed through; no mail is sent while unset. */
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    /** `starttls` (upgrade required, the default), `tls` (TLS from the first byte, port 465) or `none` (closed networks, tests). */
    SMTP_TLS: z.enum(['starttls', 'tls', 'none']).default('starttls'),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    /** The sender address of every mail, e.g. `法制审核 <review@example.gov.cn>`; required with SMTP_HOST. */
    SMTP_FROM: z.string().min(3).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.SMTP_HOST && !env.SMTP_FROM) ctx.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: 'required when SMTP_HOST is set' });
    if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_PASSWORD'], message: 'SMTP_USER and SMTP_PASSWORD go together' });
    }
    if (env.NODE_ENV === 'production' && env.DEMO) {
      ctx.addIssue({ code: 'custom', path: ['DEMO'], message: 'demo data is refused in production: set DEMO=false' });
    }
  });
export type Env = z.infer<typeof EnvSchema>;

/** An environment that cannot run: `problems` holds one readable line per bad variable. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/**
 * What stops `env` from running in production, one readable line per problem (`VARIABLE: what is wrong`);
 * empty outside production. Checks keys, the witness and the policy file without touching the database.
 */
export function validateProductionConfig(env: Env): string[] {
  return env.NODE_ENV === 'production' ? productionProblems(env) : [];
}

/**
 * Parses `source` (process.env by default). Throws an `EnvError` listing every bad variable, including
 * every production problem of `validateProductionConfig`; its message is meant for the console as-is.
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
    // Production problems of the variables that did parse are reported too, so one run lists them all.
    if (source.NODE_ENV === 'production') lines.push(...productionProblems(lenient(source)));
    throw new EnvError([...new Set(lines)]);
  }
  const problems = validateProductionConfig(result.data);
  if (problems.length > 0) throw new EnvError(problems);
  return result.data;
}

/** `source` over the schema's defaults, read as strings only: enough to report the production problems. */
function lenient(source: Record<string, string | undefined>): Env {
  const defaults = EnvSchema.parse({ NODE_ENV: 'production', DEMO: 'false' });
  return {
    ...defaults,
    DATABASE_URL: source.DATABASE_URL || defaults.DATABASE_URL,
    POLICY_FILE: source.POLICY_FILE,
    AUDIT_SIGNING_KEY: source.AUDIT_SIGNING_KEY,
    AUDIT_PUBLIC_KEYS: source.AUDIT_PUBLIC_KEYS,
    AUDIT_WITNESS: source.AUDIT_WITNESS,
    EVIDENCE_DIR: source.EVIDENCE_DIR,
  };
}

/** The variables the offline tools (audit:verify, db:backup, db:restore) read: no signing key needed. */
export interface ToolEnv {
  DATABASE_URL: string;
  /** Pinned public keys (base64 SPKI), empty when none are pinned. */
  publicKeys: string[];
  AUDIT_WITNESS?: string;
  EVIDENCE_DIR?: string;
}

/** Parses the few variables the offline tools use, without the server's production requirements. */
export function parseToolEnv(source: Record<string, string | undefined> = process.env): ToolEnv {
  return {
    DATABASE_URL: source.DATABASE_URL || 'file:./data/legal-review.db',
    publicKeys: splitKeys(source.AUDIT_PUBLIC_KEYS),
    AUDIT_WITNESS: source.AUDIT_WITNESS || undefined,
    EVIDENCE_DIR: source.EVIDENCE_DIR || undefined,
  };
}
