import { changeDisabled, insertUser, publicUser, replacePassword, scopeProblems, userInTx } from '../auth/accounts';
import type { NewUserRow } from '../store/queries';
import { recordAudit } from './audit';
import type { CommandContext } from './context';
import { CommandRefused } from './refusals';

/**
 * Accounts: created, disabled, given a new password. Who may do it is the entry point's gate (the
 * API's admin scope, the CLI's access to the machine); the rules of an account itself are here.
 * Whether its district or firm exists is the callers' check: the CLI may create the first admin
 * before the article's data is loaded, and checks names against that dataset instead.
 */

/** Creates an account; refuses a role without its scope or a taken username. The record's hash never reaches the audit log. */
export async function createUser(ctx: CommandContext, record: NewUserRow): Promise<void> {
  const [problem] = scopeProblems(record);
  if (problem) throw new CommandRefused([{ field: problem.field, reason: 'userScope', detail: problem.message }]);
  if (!(await insertUser(ctx.tx, record))) throw new CommandRefused([{ field: 'username', reason: 'usernameTaken', value: record.username }]);
  await recordAudit(ctx, [{ action: 'createUser', entityType: 'User', entityId: record.id, before: null, after: publicUser(record) }]);
  ctx.tx.note({ entity: 'User', firmIds: [] });
}

/** Disables or re-enables an account; disabling ends its sessions. An admin may not disable their own. */
export async function setUserDisabled(ctx: CommandContext, id: string, disabled: boolean): Promise<void> {
  if (disabled && id === ctx.viewer.userId) throw new CommandRefused([{ field: 'id', reason: 'disableSelf' }]);
  const before = await userInTx(ctx.tx, id);
  if (!before) throw new CommandRefused([{ field: 'id', reason: 'noSuchUser', value: id }]);
  await changeDisabled(ctx.tx, id, disabled, ctx.now);
  await recordAudit(ctx, [{ action: 'setUserDisabled', entityType: 'User', entityId: id, before, after: await userInTx(ctx.tx, id) }]);
  ctx.tx.note({ entity: 'User', firmIds: [] });
}

/** Sets a new password (already hashed) and ends the sessions; answers how many ended. */
export async function resetUserPassword(ctx: CommandContext, id: string, passwordHash: string): Promise<number> {
  const before = await userInTx(ctx.tx, id);
  if (!before) throw new CommandRefused([{ field: 'id', reason: 'noSuchUser', value: id }]);
  const ended = await replacePassword(ctx.tx, id, passwordHash, ctx.now);
  // The audit shows that the password changed, never the password or its hash.
  await recordAudit(ctx, [{ action: 'resetUserPassword', entityType: 'User', entityId: id, before, after: await userInTx(ctx.tx, id) }]);
  ctx.tx.note({ entity: 'User', firmIds: [] });
  return ended;
}
