import { passwordSchema, ROLES, userInputSchema, usernameSchema, type UserInput } from '@yulian/schema';
import { newUserRecord, scopeProblems } from '../auth/accounts';
import { CONSOLE_VIEWER, type CommandContext } from '../commands/context';
import { CommandRefused, refusalText } from '../commands/refusals';
import { createUser, resetUserPassword } from '../commands/users';
import { hashPassword } from '../auth/passwords';
import type { GraphStore } from '../store/port';
import { listUsers, userByUsername, type PublicUserRow } from '../store/queries';
import { UsageError } from './cli-errors';
import { checkReferences } from './references';

export interface CliContext {
  store: GraphStore;
  seed: 'auto' | 'off';
  out(line: string): void;
  warn(line: string): void;
  readPassword(what: string): Promise<string>;
}

export interface AddOptions {
  username: string | undefined;
  role: string | undefined;
  district: string | undefined;
  firm: string | undefined;
  name: string | undefined;
}

/** How each field of the shared user schema is spelled on the command line. */
const FLAG_OF: Record<string, string> = {
  username: '<username>',
  displayName: '--name',
  role: '--role',
  districtCode: '--district',
  firmId: '--firm',
  password: 'the password',
};

/** Stands in for the password while the arguments are checked, before anyone is asked to type one. */
const PLACEHOLDER_PASSWORD = 'placeholder-password-not-stored';

export async function addUser(ctx: CliContext, options: AddOptions): Promise<void> {
  if (!options.username) throw new UsageError('user add: <username> is missing');
  if (!options.role) throw new UsageError(`--role is required: one of ${ROLES.join(', ')}`);
  const role = options.role.toUpperCase();
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new UsageError(`--role: ${JSON.stringify(options.role)} is not a role; use one of ${ROLES.join(', ')}`);
  }
  const fields = {
    username: options.username,
    displayName: options.name ?? null,
    role,
    districtCode: options.district ?? null,
    firmId: options.firm ?? null,
  };
  const shape = validate({ ...fields, password: PLACEHOLDER_PASSWORD });
  const [scope] = scopeProblems(shape);
  if (scope) throw new UsageError(`${FLAG_OF[scope.field]}: ${scope.message}`);

  const refs = await checkReferences(ctx.store, ctx.seed, { districtCode: shape.districtCode ?? null, firmId: shape.firmId ?? null });
  if (refs.problems.length > 0) throw new UsageError(refs.problems.join('\n'));
  for (const warning of refs.warnings) ctx.warn(`warning: ${warning}`);
  if ((await ctx.store.read(userByUsername(shape.username))).length > 0) {
    throw new UsageError(`<username>: ${JSON.stringify(shape.username)} is taken; use \`user passwd ${shape.username}\` to set a new password`);
  }

  const input = validate({ ...fields, password: checkedPassword(await ctx.readPassword(`Password for ${shape.username}`)) });
  const record = await newUserRecord(input, new Date());
  await asConsole(ctx, (command) => createUser(command, record));
  const scopeText = input.districtCode ?? input.firmId;
  ctx.out(`created user ${input.username} (${input.role}${scopeText ? ` ${scopeText}` : ''})`);
}

export async function changePassword(ctx: CliContext, username: string | undefined): Promise<void> {
  if (!username) throw new UsageError('user passwd: <username> is missing');
  const parsedName = usernameSchema.safeParse(username);
  if (!parsedName.success) throw new UsageError(`<username>: ${parsedName.error.issues[0]?.message ?? 'is invalid'}`);
  const [user] = await ctx.store.read(userByUsername(parsedName.data));
  if (!user) throw new UsageError(`<username>: there is no user ${JSON.stringify(parsedName.data)}; \`user list\` shows who there is`);
  const password = checkedPassword(await ctx.readPassword(`New password for ${user.username}`));
  const passwordHash = await hashPassword(password);
  const ended = await asConsole(ctx, (command) => resetUserPassword(command, user.id, passwordHash));
  ctx.out(`changed the password of ${user.username}; ended ${ended} session${ended === 1 ? '' : 's'}`);
}

export async function listAllUsers(ctx: CliContext): Promise<void> {
  const users: PublicUserRow[] = [];
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const page = await ctx.store.read(listUsers(offset, pageSize));
    users.push(...page);
    if (page.length < pageSize) break;
  }
  if (users.length === 0) {
    ctx.out('no users yet; add one with: pnpm yulian user add <username> --role ADMIN');
    return;
  }
  const header = ['username', 'role', 'district', 'firm', 'disabled', 'created'];
  const rows = users.map((u) => [u.username, u.role, u.districtCode ?? '-', u.firmId ?? '-', u.disabled ? 'yes' : 'no', u.createdAt]);
  for (const line of table(header, rows)) ctx.out(line);
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function validate(value: Record<string, unknown>): UserInput {
  const parsed = userInputSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    return `${FLAG_OF[field] ?? field}: ${issue.message}`;
  });
  throw new UsageError(messages.join('\n'));
}

function checkedPassword(password: string): string {
  if (password === '') throw new UsageError('the password is empty: type one, or pipe it in as the first line of standard input');
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw new UsageError(`the password ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
  return parsed.data;
}

/** Runs a command as the console: whoever runs the CLI on the server's machine, audited as such. */
async function asConsole<T>(ctx: CliContext, work: (command: CommandContext) => Promise<T>): Promise<T> {
  try {
    return await ctx.store.write((tx) => work({ tx, viewer: CONSOLE_VIEWER, now: new Date() }));
  } catch (error) {
    if (!(error instanceof CommandRefused)) throw error;
    const [refusal] = error.refusals;
    const value = refusal.value === undefined ? '' : ` ${JSON.stringify(refusal.value)}`;
    throw new UsageError(`${FLAG_OF[refusal.field] ?? refusal.field}: ${refusalText(refusal, 'en')}${value}`);
  }
}
