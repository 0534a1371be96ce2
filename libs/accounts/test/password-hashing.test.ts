import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, parseHash, verifyPassword } from '../src/rules/password-hashing';

describe('password hashing (scrypt)', () => {
  it('verifies the right password only, with a fresh salt per hash', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$/);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });

  it('keeps parameters in the hash so weaker hashes can be upgraded', async () => {
    const weak = await hashPassword('pw-pw-pw-pw-pw', { logN: 10, r: 8, p: 1 });
    expect(parseHash(weak)?.params).toEqual({ logN: 10, r: 8, p: 1 });
    expect(await verifyPassword('pw-pw-pw-pw-pw', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('pw-pw-pw-pw-pw'))).toBe(false);
  });
});
