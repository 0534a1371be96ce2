// Every request schema refuses control characters in free text and
// non-finite numbers: walked over the exported schemas (so a new contract
// cannot forget) and checked on real values with TypeBox's validator.
import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import * as contracts from '../src/index';
import {
  ChangePasswordBody,
  DeviceCreateBody,
  LoginBody,
  SignUpBody,
  TrackCreateBody,
  UserListQuery,
} from '../src/index';

type Schema = {
  type?: string;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  const?: unknown;
};

/** What clients send (ErrorBody is an answer). */
const REQUEST_SCHEMAS = Object.entries(contracts).filter(
  ([name]) => /(Body|Query|Params)$/.test(name) && name !== 'ErrorBody',
);
/** Passwords are hashed, never stored as text: any character may be part of one. */
const PASSWORD_FIELDS = new Set(['password', 'currentPassword', 'newPassword']);

describe('input rules of the shared request schemas', () => {
  it('finds the request schemas', () => {
    expect(REQUEST_SCHEMAS.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'SignUpBody',
        'LoginBody',
        'TrackCreateBody',
        'DeviceCreateBody',
        'UserListQuery',
      ]),
    );
  });

  it.each(REQUEST_SCHEMAS)(
    '%s: every text field has a pattern or format, every number finite bounds',
    (_, schema) => {
      for (const [field, property] of Object.entries((schema as Schema).properties ?? {})) {
        if (property.type === 'string' && !PASSWORD_FIELDS.has(field))
          expect(property.pattern ?? property.format, field).toBeDefined();
        if (property.type === 'integer' || property.type === 'number') {
          expect(Number.isFinite(property.minimum), field).toBe(true);
          expect(Number.isFinite(property.maximum), field).toBe(true);
        }
      }
    },
  );

  it('refuses NUL and other control characters in names and titles', () => {
    const signUp = { email: 'a@example.test', password: 'long enough password', role: 'artist' };
    expect(Value.Check(SignUpBody, { ...signUp, displayName: 'Kofi' })).toBe(true);
    expect(Value.Check(SignUpBody, { ...signUp, displayName: 'Ko\u0000fi' })).toBe(false);
    expect(Value.Check(SignUpBody, { ...signUp, displayName: 'Ko\nfi' })).toBe(false);
    expect(Value.Check(SignUpBody, { ...signUp, displayName: 'Kofi\u0085' })).toBe(false);
    expect(Value.Check(SignUpBody, { ...signUp, displayName: 'Kwame Nkrumah – Ɔdɔ' })).toBe(true);
    expect(Value.Check(TrackCreateBody, { title: 'Song\u0000' })).toBe(false);
    expect(Value.Check(DeviceCreateBody, { name: 'studio\u001b[31m' })).toBe(false);
    expect(Value.Check(LoginBody, { email: 'a\u0000@example.test', password: 'x' })).toBe(false);
    expect(
      Value.Check(ChangePasswordBody, { currentPassword: 'x', newPassword: 'twelve chars and more' }),
    ).toBe(true);
  });

  it('refuses Infinity in list bounds', () => {
    const query = { sort: 'createdAt', order: 'desc' } as const;
    expect(Value.Check(UserListQuery, { ...query, limit: 10 })).toBe(true);
    expect(Value.Check(UserListQuery, { ...query, limit: Infinity })).toBe(false);
    expect(Value.Check(UserListQuery, { ...query, limit: JSON.parse('1e400') })).toBe(false);
  });
});
