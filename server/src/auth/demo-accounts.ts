import { randomBytes } from 'node:crypto';
import type { Role } from '@yulian/schema';
import type { GraphStore } from '../store/port';
import { usersByUsernames } from '../store/queries';
import { SYSTEM_VIEWER } from '../commands/context';
import { CommandRefused } from '../commands/refusals';
import { createUser } from '../commands/users';
import { newUserRecord } from './accounts';

/**
 * Accounts for trying every role on a fresh store. Their passwords are random and shown once, at
 * the start that loads the seed data: there is no default password anyone could look up.
 */

interface DemoAccount {
  username: string;
  role: Role;
  districtCode?: string;
  firmId?: string;
  displayName: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', role: 'ADMIN', displayName: 'City administrator' },
  { username: 'hechuan-bureau', role: 'BUREAU', districtCode: '500117', displayName: 'Hechuan economy and IT bureau' },
  { username: 'hechuan-investment', role: 'INVESTMENT', districtCode: '500117', displayName: 'Hechuan investment promotion' },
  { username: 'bishan-bureau', role: 'BUREAU', districtCode: '500120', displayName: 'Bishan economy and IT bureau' },
  { username: 'anrui', role: 'FIRM', firmId: 'anrui', displayName: 'Anrui Optoelectronics' },
  { username: 'aofang', role: 'FIRM', firmId: 'aofang', displayName: 'Aofang' },
  { username: 'tianchiyu', role: 'FIRM', firmId: 'tianchiyu', displayName: 'Tianchiyu' },
];

export interface CreatedDemoAccount {
  username: string;
  role: Role;
  scope: string | null;
  password: string;
}

/** 18 random bytes: 24 base64url characters, 144 bits. */
function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Creates the demo accounts whose usernames are free. An account made earlier (say with the CLI
 * before the first start) keeps its password and is not listed.
 */
export async function createDemoAccounts(store: GraphStore, now = new Date()): Promise<CreatedDemoAccount[]> {
  const taken = new Set((await store.read(usersByUsernames(DEMO_ACCOUNTS.map((a) => a.username)))).map((u) => u.username));
  const wanted = DEMO_ACCOUNTS.filter((a) => !taken.has(a.username));
  const prepared = await Promise.all(
    wanted.map(async (account) => {
      const password = randomPassword();
      const record = await newUserRecord(
        {
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          districtCode: account.districtCode ?? null,
          firmId: account.firmId ?? null,
          password,
        },
        now,
      );
      return { account, password, record };
    }),
  );
  return store.write(async (tx) => {
    const created: CreatedDemoAccount[] = [];
    for (const { account, password, record } of prepared) {
      try {
        await createUser({ tx, viewer: SYSTEM_VIEWER, now }, record);
      } catch (error) {
        // An account of that name is already there: it is kept as it is.
        if (error instanceof CommandRefused && error.refusals[0].reason === 'usernameTaken') continue;
        throw error;
      }
      created.push({ username: account.username, role: account.role, scope: account.districtCode ?? account.firmId ?? null, password });
    }
    return created;
  });
}

/** The one-time notice, boxed so it stands out in a start-up log. */
export function demoAccountsNotice(accounts: readonly CreatedDemoAccount[]): string {
  if (accounts.length === 0) return '';
  const rows = accounts.map((a) => [a.username, a.scope ? `${a.role} ${a.scope}` : a.role, a.password]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length), ['username', 'role', 'password'][i]?.length ?? 0));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('   ');
  const body = [
    'Demo accounts (passwords are shown this once; note them now):',
    '',
    line(['username', 'role', 'password']),
    ...rows.map(line),
    '',
    'Change one with: pnpm yulian user passwd <username>   (stop the server first)',
  ];
  const inner = Math.max(...body.map((l) => l.length));
  return [
    `┌${'─'.repeat(inner + 2)}┐`,
    ...body.map((l) => `│ ${l.padEnd(inner)} │`),
    `└${'─'.repeat(inner + 2)}┘`,
  ].join('\n');
}
