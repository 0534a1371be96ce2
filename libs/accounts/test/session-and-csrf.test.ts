import { describe, expect, it } from 'vitest';
import { createSessionCookieSigner, newSessionId } from '../src/rules/session-cookie';
import { csrfTokenFor, isAllowedOrigin, requestOrigin, verifyCsrfToken } from '../src/rules/csrf';
import { bearerToken, hashDeviceToken, issueDeviceToken } from '../src/rules/device-tokens';
import { ownsResource, hasRole } from '../src/rules/roles';

describe('session cookie signing with key rotation', () => {
  it('accepts its own signature, rejects tampering, and asks to re-sign cookies signed with the previous key', () => {
    const id = newSessionId();
    const old = createSessionCookieSigner(['old-secret-old-secret-old-secret']);
    const rotated = createSessionCookieSigner([
      'new-secret-new-secret-new-secret',
      'old-secret-old-secret-old-secret',
    ]);
    const current = createSessionCookieSigner(['new-secret-new-secret-new-secret']);
    const cookie = old.sign(id);
    expect(old.unsign(cookie)).toEqual({ sessionId: id, renew: false });
    expect(rotated.unsign(cookie)).toEqual({ sessionId: id, renew: true });
    expect(current.unsign(cookie)).toBeUndefined();
    expect(rotated.unsign(`${cookie}x`)).toBeUndefined();
    expect(rotated.unsign(old.sign('not-a-session-id'))).toBeUndefined();
  });
});

describe('CSRF', () => {
  it('binds tokens to the session and accepts the previous secret during a rotation', () => {
    const token = csrfTokenFor('session-a', 'secret-1');
    expect(verifyCsrfToken(token, 'session-a', ['secret-1'])).toBe(true);
    expect(verifyCsrfToken(token, 'session-b', ['secret-1'])).toBe(false);
    expect(verifyCsrfToken(token, 'session-a', ['secret-2', 'secret-1'])).toBe(true);
    expect(verifyCsrfToken(token, 'session-a', ['secret-2'])).toBe(false);
    expect(verifyCsrfToken(undefined, 'session-a', ['secret-1'])).toBe(false);
  });

  it('takes the origin from Origin, else from Referer, and compares exactly', () => {
    expect(requestOrigin('https://a.example', undefined)).toBe('https://a.example');
    expect(requestOrigin(undefined, 'https://b.example/path?q')).toBe('https://b.example');
    expect(requestOrigin('null', 'not a url')).toBeUndefined();
    const allowed = new Set(['https://a.example']);
    expect(isAllowedOrigin('https://a.example', allowed)).toBe(true);
    expect(isAllowedOrigin('https://a.example.evil.com', allowed)).toBe(false);
    expect(isAllowedOrigin(undefined, allowed)).toBe(false);
  });
});

describe('device tokens and roles', () => {
  it('issues prefixed random tokens stored as hashes and parses Bearer headers strictly', () => {
    const { token, hash } = issueDeviceToken();
    expect(hash).toBe(hashDeviceToken(token));
    expect(hash).not.toContain(token);
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`Basic ${token}`)).toBeUndefined();
    expect(bearerToken('Bearer zdt_short')).toBeUndefined();
  });

  it('grants by role and ownership', () => {
    const artist = { userId: 'a', role: 'artist' as const, via: 'session' as const };
    const admin = { userId: 'z', role: 'admin' as const, via: 'session' as const };
    expect(hasRole(artist, ['artist'])).toBe(true);
    expect(hasRole(artist, ['admin'])).toBe(false);
    expect(hasRole(undefined, ['artist'])).toBe(false);
    expect(ownsResource(artist, 'a')).toBe(true);
    expect(ownsResource(artist, 'b')).toBe(false);
    expect(ownsResource(admin, 'b')).toBe(false);
    expect(ownsResource(admin, 'b', true)).toBe(true);
  });
});
