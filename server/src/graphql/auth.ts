import { idSchema, passwordSchema, ROLES, userInputSchema } from '@yulian/schema';
import { GraphQLError } from 'graphql';
import { newUserRecord } from '../auth/accounts';
import { login, type SignInFailure } from '../auth/login';
import { hashPassword } from '../auth/passwords';
import { endSession } from '../auth/sessions';
import { signInThrottleFor } from '../auth/sign-in-throttle';
import { createUser, resetUserPassword, setUserDisabled } from '../commands/users';
import { countUsers, listUsers, type PublicUserRow } from '../store/queries';
import { builder } from './builder';
import type { GraphContext } from './context';
import { badInput, notFound, parseInput } from './errors';
import { pageFromArgs, toConnection } from './pagination';
import { DistrictRef, FirmRef } from './refs';
import { runCommand } from './run-command';

/** Accounts and sign-in: login, logout, me, and user management for admins. */

const RoleEnum = builder.enumType('Role', {
  values: ROLES,
  description: 'ADMIN: city level; BUREAU: a district bureau; INVESTMENT: a district investment-promotion team; FIRM: one firm.',
});

/** Built from PublicUserRow only: the hash is not even in the object a resolver sees. */
export const UserRef = builder.objectRef<PublicUserRow>('User').implement({
  description: 'A person who signs in.',
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName', { nullable: true }),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
    districtCode: t.exposeString('districtCode', { nullable: true, description: 'The district of a BUREAU or INVESTMENT user.' }),
    district: t.field({
      type: DistrictRef,
      nullable: true,
      resolve: (u, _args, ctx) => (u.districtCode ? ctx.loaders.district.load(u.districtCode) : null),
    }),
    firmId: t.exposeString('firmId', { nullable: true, description: 'The firm of a FIRM user.' }),
    firm: t.field({
      type: FirmRef,
      nullable: true,
      resolve: (u, _args, ctx) => (u.firmId ? ctx.loaders.firm.load(u.firmId) : null),
    }),
    disabled: t.exposeBoolean('disabled'),
    createdAt: t.exposeString('createdAt'),
  }),
});

const LoginResultRef = builder.objectRef<{ token: string; expiresAt: string; user: PublicUserRow }>('LoginResult').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as `Authorization: Bearer <token>`; the web app gets it as an httpOnly cookie too.' }),
    expiresAt: t.exposeString('expiresAt'),
    user: t.field({ type: UserRef, resolve: (r) => r.user }),
  }),
});

const UserInput = builder.inputType('UserInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    displayName: t.string(),
    role: t.field({ type: RoleEnum, required: true }),
    districtCode: t.string({ description: 'Required for BUREAU and INVESTMENT.' }),
    firmId: t.id({ description: 'Required for FIRM.' }),
    password: t.string({ required: true }),
  }),
});

function signInError(failure: SignInFailure): GraphQLError {
  const extensions: Record<string, unknown> = { code: failure.code };
  if (failure.code === 'BAD_USER_INPUT') extensions.field = failure.field;
  if (failure.code === 'RATE_LIMITED') {
    extensions.retryAfterSeconds = failure.retryAfterSeconds;
    // Yoga answers with this status and header and leaves `http` out of the body.
    extensions.http = { status: 429, headers: { 'Retry-After': String(failure.retryAfterSeconds) } };
  }
  return new GraphQLError(failure.message, { extensions });
}

/**
 * The requests (their contexts) that have asked to sign in. Each sign-in costs a 32 MiB hash, and
 * the request limit per address is what bounds how many an address may ask for; fifteen aliased
 * logins in one request would multiply it (successful ones: a failure ends the operation).
 */
const signedInRequests = new WeakSet<GraphContext>();

async function requireUser(ctx: GraphContext, id: string): Promise<PublicUserRow> {
  const user = await ctx.loaders.user.load(id);
  if (!user) throw notFound('user', id);
  return user;
}

/** Re-reads a user after a write, past the loader's cache. */
async function reloadUser(ctx: GraphContext, id: string): Promise<PublicUserRow> {
  ctx.loaders.user.clear(id);
  return requireUser(ctx, id);
}

builder.queryFields((t) => ({
  me: t.field({
    type: UserRef,
    nullable: true,
    description: 'The signed-in user; null for anonymous visitors.',
    resolve: (_root, _args, ctx) => (ctx.viewer ? ctx.loaders.user.load(ctx.viewer.userId) : null),
  }),
  users: t.connection(
    {
      type: UserRef,
      description: 'Every account, by username; for admins.',
      authScopes: { admin: true },
      resolve: async (_root, args, ctx) => {
        const page = pageFromArgs(args);
        const [rows, [count]] = await Promise.all([
          ctx.store.read(listUsers(page.offset, page.size + 1)),
          ctx.store.read(countUsers()),
        ]);
        for (const row of rows) ctx.loaders.user.prime(row.id, row);
        return toConnection(page, rows, count?.total ?? 0);
      },
    },
    {
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn) => (conn as { totalCount: number }).totalCount }),
      }),
    },
  ),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginResultRef,
    description: 'Signs in; also sets the httpOnly session cookie. Wrong credentials are an error; after repeated failures the same account from the same address must wait (RATE_LIMITED, HTTP 429 with Retry-After).',
    args: {
      username: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      if (signedInRequests.has(ctx)) throw new GraphQLError('one login per request', { extensions: { code: 'BAD_USER_INPUT' } });
      signedInRequests.add(ctx);
      const outcome = await login(ctx.store, { username: args.username, password: args.password, clientAddress: ctx.clientAddress });
      if (!outcome.ok) throw signInError(outcome.failure);
      ctx.sessionCookie.set(outcome.token);
      return outcome;
    },
  }),
  logout: t.boolean({
    description: 'Ends the current session and clears the cookie; false when there was no session.',
    resolve: async (_root, _args, ctx) => {
      // Cleared in any case: a stale cookie of an expired session should go too.
      ctx.sessionCookie.clear();
      if (!ctx.viewer) return false;
      await endSession(ctx.store, ctx.viewer.sessionId);
      return true;
    },
  }),
  createUser: t.field({
    type: UserRef,
    description: 'Creates an account; for admins.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: UserInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(
        userInputSchema,
        { ...args.input, firmId: args.input.firmId == null ? args.input.firmId : String(args.input.firmId) },
        'input',
      );
      if (input.districtCode && !(await ctx.loaders.district.load(input.districtCode))) {
        throw badInput('input.districtCode', `unknown district ${JSON.stringify(input.districtCode)}`);
      }
      if (input.firmId && !(await ctx.loaders.firm.load(input.firmId))) {
        throw badInput('input.firmId', `unknown firm ${JSON.stringify(input.firmId)}`);
      }
      const record = await newUserRecord(input, new Date());
      await runCommand(ctx, 'input', (command) => createUser(command, record));
      return reloadUser(ctx, record.id);
    },
  }),
  setUserDisabled: t.field({
    type: UserRef,
    description: "Disables or re-enables an account; disabling ends the user's sessions. For admins.",
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }), disabled: t.arg.boolean({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = parseInput(idSchema, String(args.id), 'id');
      await runCommand(ctx, '', (command) => setUserDisabled(command, id, args.disabled));
      return reloadUser(ctx, id);
    },
  }),
  resetUserPassword: t.field({
    type: UserRef,
    description: "Sets a new password, lifts the account's sign-in delays and ends the user's sessions. For admins.",
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = parseInput(idSchema, String(args.id), 'id');
      const password = parseInput(passwordSchema, args.password, 'password');
      const passwordHash = await hashPassword(password);
      await runCommand(ctx, '', (command) => resetUserPassword(command, id, passwordHash));
      const user = await reloadUser(ctx, id);
      // The account's owner, given the new password, signs in at once wherever they failed before.
      signInThrottleFor(ctx.store).forgetAccount(user.username);
      return user;
    },
  }),
}));
