import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config';
import { StoreError } from '../store/errors';
import { openStore } from '../store/open';
import type { GraphStore } from '../store/port';
import { StoreProblem, UsageError } from './cli-errors';
import { runDataCommand } from './data-commands';
import { readPassword } from './read-password';
import { addUser, changePassword, listAllUsers } from './user-commands';

/**
 * pnpm yulian user add <username> --role <ROLE> [--district <code>] [--firm <id>] [--name <display name>]
 * pnpm yulian user list
 * pnpm yulian user passwd <username>
 * pnpm yulian backup <file>
 * pnpm yulian restore <file>
 *
 * Opens the configured store itself, so it works before the first start; the embedded store admits
 * one process at a time, so not while a server holds it.
 * Exit codes: 0 done, 1 bad usage or input, 2 the store could not be opened or used.
 */

const USAGE = `usage:
  pnpm yulian user add <username> --role <ADMIN|BUREAU|INVESTMENT|FIRM> [--district <code>] [--firm <id>] [--name <display name>]
  pnpm yulian user list
  pnpm yulian user passwd <username>
  pnpm yulian backup <file>     write the whole graph to a new file (JSON lines)
  pnpm yulian restore <file>    load such a file into an empty store (or one a killed restore left)
The password is read from standard input: typed without echo at a terminal, or the first line of what is piped in.`;

const OPTIONS = {
  role: { type: 'string' },
  district: { type: 'string' },
  firm: { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Which options each command takes; any other is a usage error rather than silently ignored. */
const ALLOWED: Record<string, readonly (keyof typeof OPTIONS)[]> = {
  add: ['role', 'district', 'firm', 'name'],
  list: [],
  passwd: [],
};

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

function parse(argv: string[]): { positionals: string[]; values: Values } {
  try {
    const { positionals, values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    return { positionals, values };
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

async function openConfiguredStore(config: Config): Promise<GraphStore> {
  try {
    return await openStore(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (config.store.kind === 'embedded' && /could not set lock/i.test(message)) {
      throw new StoreProblem(
        `the embedded store in ${config.store.dataDir} is in use by another process, most likely a running Yulian server. ` +
          'Stop the server first, or make the change through the running server instead (the createUser and resetUserPassword mutations, signed in as an admin).',
      );
    }
    throw new StoreProblem(`cannot open the store: ${message}`);
  }
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parse(argv[0] === '--' ? argv.slice(1) : argv);
  const [group, command, ...rest] = positionals;
  if (!group && !values.help) throw new UsageError(`a command is missing\n${USAGE}`);
  if (values.help || !group) {
    console.log(USAGE);
    return;
  }
  if (group === 'backup' || group === 'restore') {
    const option = Object.keys(values).find((key) => key !== 'help');
    if (option) throw new UsageError(`--${option} does not apply to "${group}"`);
    await runDataCommand(group, positionals.slice(1), { out: (line) => console.log(line), warn: (line) => console.error(line) });
    return;
  }
  if (group !== 'user') throw new UsageError(`unknown command ${JSON.stringify(group)}\n${USAGE}`);
  if (!command || !(command in ALLOWED)) throw new UsageError(`unknown command "user ${command ?? ''}"; use add, list or passwd\n${USAGE}`);
  const allowed = ALLOWED[command] ?? [];
  for (const key of Object.keys(values) as (keyof typeof OPTIONS)[]) {
    if (key !== 'help' && !allowed.includes(key)) throw new UsageError(`--${key} does not apply to "user ${command}"`);
  }
  const maxPositionals = command === 'list' ? 0 : 1;
  if (rest.length > maxPositionals) throw new UsageError(`unexpected argument ${JSON.stringify(rest[maxPositionals])}\n${USAGE}`);

  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    throw new StoreProblem(error instanceof Error ? error.message : String(error));
  }
  const store = await openConfiguredStore(config);
  const ctx = {
    store,
    seed: config.seed,
    out: (line: string) => console.log(line),
    warn: (line: string) => console.error(line),
    readPassword: (what: string) => readPassword(what),
  };
  try {
    if (command === 'add') {
      await addUser(ctx, { username: rest[0], role: values.role, district: values.district, firm: values.firm, name: values.name });
    } else if (command === 'list') {
      await listAllUsers(ctx);
    } else {
      await changePassword(ctx, rest[0]);
    }
  } finally {
    await store.close();
  }
}

try {
  await run(process.argv.slice(2));
  process.exitCode = 0;
} catch (error) {
  if (error instanceof UsageError || error instanceof StoreProblem) {
    console.error(`yulian: ${error.message}`);
    process.exitCode = error.exitCode;
  } else if (error instanceof StoreError) {
    console.error(`yulian: the store failed: ${error.message}`);
    process.exitCode = 2;
  } else {
    console.error('yulian: unexpected failure:', error);
    process.exitCode = 2;
  }
}
// Standard input may still be open (a terminal, or a pipe that was not closed): do not wait for it.
process.exit();
