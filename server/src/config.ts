import { z } from 'zod';
import { DEFAULT_LOGISTICS, type LogisticsCosts } from './analysis/logistics';
import { defaultSecurity, type SecurityOptions } from './http/limits';
import { defaultImportOptions, type ImportOptions } from './import/options';

/** Environment read and validated once; nothing else in the server reads process.env. */

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The embedded engine's buffer pool, in MiB. The engine's own default (80% of the machine's memory)
 * lets RSS grow with every page read, on a machine the server shares. 512 MiB holds the whole
 * database of the million-order benchmark (a 500 MB file) and keeps the page cache inside issue 4's
 * 1 GiB budget; at that size the pool was not what dominated RSS (0.5 GiB with or without it).
 */
export const DEFAULT_BUFFER_POOL_MB = 512;

/**
 * express's `trust proxy`: off, a hop count, or the proxies' addresses and subnets ("loopback",
 * "10.0.0.0/8"). Trusting every hop would let any client pick the address its rate limit counts.
 */
const trustProxy = z
  .string()
  .trim()
  .default('off')
  .transform((value, ctx): SecurityOptions['trustProxy'] => {
    if (['', 'off', 'false', 'no', '0'].includes(value.toLowerCase())) return false;
    if (/^\d+$/.test(value)) return Number(value);
    if (['true', 'on', 'yes', '*'].includes(value.toLowerCase())) {
      ctx.addIssue({ code: 'custom', message: 'name the proxies: a hop count such as 1, or their addresses or subnets' });
      return z.NEVER;
    }
    return value;
  });

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default('0.0.0.0'),
    YULIAN_STORE: z.enum(['embedded', 'neo4j']).default('embedded'),
    YULIAN_DATA_DIR: z.string().min(1).default('./data'),
    /** Load the article's dataset into an empty store at start. */
    YULIAN_SEED: z.enum(['auto', 'off']).default('auto'),
    YULIAN_QUERY_TIMEOUT_MS: positiveInt(10_000),
    /** Buffer pool of the embedded store, in MiB; 0 leaves the engine's default of 80% of memory. */
    YULIAN_BUFFER_POOL_MB: z.coerce.number().int().min(0).default(DEFAULT_BUFFER_POOL_MB),
    /** Largest /graphql request body, in bytes. */
    YULIAN_BODY_LIMIT_BYTES: positiveInt(defaultSecurity.bodyLimitBytes),
    /** Requests per minute one client address may send to /graphql without a valid session. */
    YULIAN_RATE_LIMIT_PER_MINUTE: positiveInt(defaultSecurity.rateLimitPerMinute),
    /** Requests per minute one signed-in user may send, wherever from. */
    YULIAN_RATE_LIMIT_PER_USER_PER_MINUTE: positiveInt(defaultSecurity.rateLimitPerUserPerMinute),
    YULIAN_TRUST_PROXY: trustProxy,
    /** Road freight per tonne-km and value of a tonne of parts, for the logistics saving estimate. */
    YULIAN_FREIGHT_CNY_PER_TONNE_KM: z.coerce.number().positive().default(DEFAULT_LOGISTICS.cnyPerTonneKm),
    YULIAN_PARTS_CNY_PER_TONNE: z.coerce.number().positive().default(DEFAULT_LOGISTICS.cnyPerTonne),
    /** Records per statement in the importer's batched writes (all of them on Neo4j). */
    YULIAN_IMPORT_BATCH_SIZE: positiveInt(defaultImportOptions.batchSize),
    /** Largest upload /api/import accepts, in bytes. */
    YULIAN_IMPORT_MAX_BYTES: positiveInt(defaultImportOptions.maxBytes),
    /** Uploads one user may send to /api/import per minute. */
    YULIAN_IMPORT_RATE_LIMIT_PER_MINUTE: positiveInt(defaultImportOptions.ratePerMinute),
    /** How much of an uploaded sheet is read (import/read-limits.ts). */
    YULIAN_IMPORT_MAX_ROWS: positiveInt(defaultImportOptions.maxRows),
    YULIAN_IMPORT_MAX_COLUMNS: positiveInt(defaultImportOptions.maxColumns),
    YULIAN_IMPORT_MAX_CELL_CHARS: positiveInt(defaultImportOptions.maxCellChars),
    YULIAN_IMPORT_MAX_UNZIPPED_BYTES: positiveInt(defaultImportOptions.maxUnzippedBytes),
    YULIAN_IMPORT_MAX_INFLATE_RATIO: positiveInt(defaultImportOptions.maxInflateRatio),
    YULIAN_IMPORT_MAX_READ_SECONDS: positiveInt(defaultImportOptions.maxReadSeconds),
    NEO4J_URI: z.string().url().optional(),
    NEO4J_USER: z.string().default('neo4j'),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z.string().default('neo4j'),
  })
  .refine((c) => c.YULIAN_STORE !== 'neo4j' || c.NEO4J_URI, {
    message: 'NEO4J_URI is required when YULIAN_STORE=neo4j',
    path: ['NEO4J_URI'],
  });

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  env: RawConfig['NODE_ENV'];
  port: number;
  host: string;
  seed: 'auto' | 'off';
  queryTimeoutMs: number;
  security: SecurityOptions;
  logistics: LogisticsCosts;
  imports: ImportOptions;
  store:
    | { kind: 'embedded'; dataDir: string; bufferPoolBytes: number }
    | { kind: 'neo4j'; uri: string; user: string; password: string; database: string };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    seed: c.YULIAN_SEED,
    queryTimeoutMs: c.YULIAN_QUERY_TIMEOUT_MS,
    security: {
      bodyLimitBytes: c.YULIAN_BODY_LIMIT_BYTES,
      rateLimitPerMinute: c.YULIAN_RATE_LIMIT_PER_MINUTE,
      rateLimitPerUserPerMinute: c.YULIAN_RATE_LIMIT_PER_USER_PER_MINUTE,
      trustProxy: c.YULIAN_TRUST_PROXY,
    },
    logistics: { cnyPerTonneKm: c.YULIAN_FREIGHT_CNY_PER_TONNE_KM, cnyPerTonne: c.YULIAN_PARTS_CNY_PER_TONNE },
    imports: {
      batchSize: c.YULIAN_IMPORT_BATCH_SIZE,
      maxBytes: c.YULIAN_IMPORT_MAX_BYTES,
      ratePerMinute: c.YULIAN_IMPORT_RATE_LIMIT_PER_MINUTE,
      maxRows: c.YULIAN_IMPORT_MAX_ROWS,
      maxColumns: c.YULIAN_IMPORT_MAX_COLUMNS,
      maxCellChars: c.YULIAN_IMPORT_MAX_CELL_CHARS,
      maxUnzippedBytes: c.YULIAN_IMPORT_MAX_UNZIPPED_BYTES,
      maxInflateRatio: c.YULIAN_IMPORT_MAX_INFLATE_RATIO,
      maxReadSeconds: c.YULIAN_IMPORT_MAX_READ_SECONDS,
    },
    store:
      c.YULIAN_STORE === 'neo4j'
        ? {
            kind: 'neo4j',
            uri: c.NEO4J_URI as string,
            user: c.NEO4J_USER,
            password: c.NEO4J_PASSWORD ?? '',
            database: c.NEO4J_DATABASE,
          }
        : { kind: 'embedded', dataDir: c.YULIAN_DATA_DIR, bufferPoolBytes: c.YULIAN_BUFFER_POOL_MB * 2 ** 20 },
  };
}
