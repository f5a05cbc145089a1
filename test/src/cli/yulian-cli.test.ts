import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleDataset } from '@yulian/seed';
import { EmbeddedStore, isEmpty, queries } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '@yulian/server';

/**
 * The real CLI as a child process on a fresh data folder, password on standard input; then the real
 * start command on the same folder, to prove that users made before the first start neither stop
 * the seed data from loading nor lose their passwords to the demo accounts.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const TEST_DB_BYTES = 2 ** 33;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yulian-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({ ...process.env, YULIAN_DATA_DIR: dir, YULIAN_STORE: 'embedded', YULIAN_SEED: 'auto', NODE_ENV: 'production' });

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], stdin = '', extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['server/src/cli/yulian.ts', ...args], { cwd: root, env: { ...env(), ...extraEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

async function withStore<T>(work: (store: EmbeddedStore) => Promise<T>): Promise<T> {
  const store = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: TEST_DB_BYTES });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const ADMIN_PASSWORD = 'cli admin password 1';

describe('pnpm yulian user …', () => {
  it('adds a user before the first start, reading the password from standard input', async () => {
    const run = await runCli(['user', 'add', 'admin', '--role', 'ADMIN', '--name', 'Ops admin'], `${ADMIN_PASSWORD}\nignored second line\n`);
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0, stdout: 'created user admin (ADMIN)\n' });
  });

  it('checks --district and --firm against the dataset the first start will load while the store is empty', async () => {
    const ok = await runCli(['user', 'add', 'hc-bureau', '--role', 'bureau', '--district', '500117'], 'hechuan bureau password\n');
    expect(ok).toMatchObject({ code: 0, stdout: 'created user hc-bureau (BUREAU 500117)\n' });
    const firm = await runCli(['user', 'add', 'anrui-ops', '--role', 'FIRM', '--firm', 'anrui'], 'anrui ops password\n');
    expect(firm.code).toBe(0);

    const district = await runCli(['user', 'add', 'nowhere', '--role', 'BUREAU', '--district', '999999'], 'a long enough password\n');
    expect(district.code).toBe(1);
    expect(district.stderr).toMatch(/--district: unknown district "999999" \(the store is still empty/);
    const unknownFirm = await runCli(['user', 'add', 'nofirm', '--role', 'FIRM', '--firm', 'no-such-firm'], 'a long enough password\n');
    expect(unknownFirm.code).toBe(1);
    expect(unknownFirm.stderr).toMatch(/--firm: unknown firm "no-such-firm"/);
  });

  it.each([
    ['a bad role', ['user', 'add', 'someone', '--role', 'KING'], 'a long enough password\n', /--role: "KING" is not a role; use one of ADMIN, BUREAU, INVESTMENT, FIRM/],
    ['no role', ['user', 'add', 'someone'], 'a long enough password\n', /--role is required/],
    ['no username', ['user', 'add', '--role', 'ADMIN'], 'a long enough password\n', /<username> is missing/],
    ['a bad username', ['user', 'add', 'Some One', '--role', 'ADMIN'], 'a long enough password\n', /<username>: may contain only lower-case letters/],
    ['a district without the role for it', ['user', 'add', 'someone', '--role', 'FIRM', '--firm', 'anrui', '--district', '500117'], 'a long enough password\n', /--district: only BUREAU and INVESTMENT users belong to a district/],
    ['a missing district', ['user', 'add', 'someone', '--role', 'INVESTMENT'], 'a long enough password\n', /--district: is required for role INVESTMENT/],
    ['an empty password', ['user', 'add', 'someone', '--role', 'ADMIN'], '', /the password is empty/],
    ['an empty first line', ['user', 'add', 'someone', '--role', 'ADMIN'], '\nsecond line\n', /the password is empty/],
    ['a short password', ['user', 'add', 'someone', '--role', 'ADMIN'], 'short\n', /the password must be at least 12 characters/],
    ['a taken username', ['user', 'add', 'admin', '--role', 'ADMIN'], 'a long enough password\n', /<username>: "admin" is taken/],
    ['an option of another command', ['user', 'list', '--role', 'ADMIN'], '', /--role does not apply to "user list"/],
    ['an unknown option', ['user', 'add', 'someone', '--role', 'ADMIN', '--colour', 'red'], '', /Unknown option '--colour'/],
    ['an unknown command', ['user', 'delete', 'admin'], '', /unknown command "user delete"/],
    ['passwd of nobody', ['user', 'passwd', 'nobody'], 'a long enough password\n', /<username>: there is no user "nobody"/],
  ])('exits 1 on %s, naming the argument', async (_what, args, stdin, message) => {
    const run = await runCli(args, stdin);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(1);
  });

  it('lists users as a table', async () => {
    const run = await runCli(['user', 'list']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^username\s+role\s+district\s+firm\s+disabled\s+created$/);
    expect(lines.slice(2).map((l) => l.split(/\s+/).slice(0, 5))).toEqual([
      ['admin', 'ADMIN', '-', '-', 'no'],
      ['anrui-ops', 'FIRM', '-', 'anrui', 'no'],
      ['hc-bureau', 'BUREAU', '500117', '-', 'no'],
    ]);
  });

  it('changes a password from standard input', async () => {
    const run = await runCli(['user', 'passwd', 'hc-bureau'], 'a changed bureau password\n');
    expect(run).toMatchObject({ code: 0, stdout: 'changed the password of hc-bureau; ended 0 sessions\n' });
    const short = await runCli(['user', 'passwd', 'hc-bureau'], 'short\n');
    expect(short.code).toBe(1);
  });

  it('exits 2 and says what to do when a server holds the store', async () => {
    // A folder of its own: the engine lets go of a file lock only when the closed database is
    // garbage-collected, so a store opened here would keep later child processes out of `dir`.
    const held = mkdtempSync(path.join(tmpdir(), 'yulian-cli-held-'));
    const store = await EmbeddedStore.open({ dataDir: held, maxDbSizeBytes: TEST_DB_BYTES });
    try {
      const run = await runCli(['user', 'list'], '', { YULIAN_DATA_DIR: held });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/is in use by another process, most likely a running Yulian server\. Stop the server first/);
    } finally {
      await store.close();
      rmSync(held, { recursive: true, force: true });
    }
  });
});

/** Starts the real server on the folder, waits until it serves, stops it, and returns what it printed. */
function startAndStop(): Promise<string> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader, not the tsx wrapper: the SIGTERM must reach main.ts's own handler.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, env: { ...env(), PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Yulian is serving')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`server exited ${code}: ${stderr}`))));
  });
}

describe('the first start after the CLI', () => {
  let firstStart: string;
  let secondStart: string;

  beforeAll(async () => {
    firstStart = await startAndStop();
    secondStart = await startAndStop();
  }, 240_000);

  it('loads the seed data although users exist (users do not count towards "empty")', () => {
    // main.ts loads the dataset only when isEmpty(store) holds, so this line is that proof.
    expect(firstStart).toContain("Loaded the article's dataset");
    expect(secondStart).not.toContain("Loaded the article's dataset");
  });

  it('prints the demo accounts once, skipping the username the CLI took', () => {
    const rows = [...firstStart.matchAll(/^│ ([a-z-]+)\s+([A-Z]+(?: \S+)?)\s+([A-Za-z0-9_-]{24})\s+│$/gm)].map((m) => m[1]);
    expect(rows).toEqual(['hechuan-bureau', 'hechuan-investment', 'bishan-bureau', 'anrui', 'aofang', 'tianchiyu']);
    expect(secondStart).not.toContain('Demo accounts');
  });

  it('validates --firm against the store once it holds firms', async () => {
    const run = await runCli(['user', 'add', 'late', '--role', 'FIRM', '--firm', 'no-such-firm'], 'a long enough password\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--firm: unknown firm "no-such-firm"$/m);
  });

  // Last: after this the test process holds the folder (see the lock test above).
  it('holds the seed data, and the CLI-made and demo users sign in with their passwords', async () => {
    const demo = /^│ hechuan-bureau\s+BUREAU 500117\s+([A-Za-z0-9_-]{24})\s+│$/m.exec(firstStart)?.[1] ?? '';
    await withStore(async (store) => {
      const counts = await store.read(queries.countNodes());
      expect(Object.fromEntries(counts.map((c) => [c.label, c.total]))).toMatchObject({
        Firm: articleDataset.firms.length,
        District: articleDataset.districts.length,
      });
      expect(await isEmpty(store)).toBe(false);
      const signIn = (username: string, password: string) => login(store, { username, password, clientAddress: '127.0.0.1' });
      expect(await signIn('admin', ADMIN_PASSWORD)).toMatchObject({ ok: true, user: { username: 'admin', role: 'ADMIN', displayName: 'Ops admin' } });
      expect(await signIn('hc-bureau', 'a changed bureau password')).toMatchObject({ ok: true, user: { districtCode: '500117' } });
      expect(await signIn('hc-bureau', 'hechuan bureau password')).toMatchObject({ ok: false, failure: { code: 'UNAUTHENTICATED' } });
      expect(await signIn('hechuan-bureau', demo)).toMatchObject({ ok: true, user: { role: 'BUREAU', districtCode: '500117' } });
    });
  });
});
