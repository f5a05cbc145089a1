import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';

/** A cheap cost for tests that do not measure the default one. */
const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('passwords', () => {
  it('stores scheme, parameters, salt and key, and verifies the right password only', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same password', FAST), hashPassword('same password', FAST)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('verifies with the parameters stored in the hash, so the cost can be raised later', async () => {
    const old = await hashPassword('an older account', FAST);
    expect(old.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('an older account', old)).toBe(true);
  });

  it('handles non-ASCII passwords', async () => {
    const stored = await hashPassword('渝链 密码 🔑', FAST);
    expect(await verifyPassword('渝链 密码 🔑', stored)).toBe(true);
    expect(await verifyPassword('渝链 密码', stored)).toBe(false);
  });

  it('answers false, not an error, for stored values that are no scrypt hash', async () => {
    for (const stored of ['', 'plain', 'bcrypt$x$y$z$a$b', 'scrypt$32768$8$1$', 'test-user-without-password']) {
      expect(await verifyPassword('anything', stored), stored).toBe(false);
    }
  });

  it('has a dummy hash that matches nothing and costs what a real one costs', async () => {
    expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('A'.repeat(86), DUMMY_HASH)).toBe(false);
    // Same scheme and parameters as a fresh hash: verifying against it does the same work.
    const real = await hashPassword('whatever');
    const params = (h: string) => h.split('$').slice(0, 4).join('$');
    expect(params(DUMMY_HASH)).toBe(params(real));
    expect(Buffer.from(DUMMY_HASH.split('$')[5] ?? '', 'base64url')).toHaveLength(64);
  });
});
