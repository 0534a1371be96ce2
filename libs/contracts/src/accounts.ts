// Admin account management and station devices.
import Type, { type Static } from 'typebox';
import { AccountStatus, RoleName } from './auth';
import { BoundedInteger, PlainText } from './text';

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const UserListQuery = Type.Object(
  {
    status: Type.Optional(AccountStatus),
    role: Type.Optional(RoleName),
    limit: BoundedInteger({ minimum: 1, maximum: 200, default: 50 }),
    offset: BoundedInteger({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const DeviceCreateBody = Type.Object(
  { name: PlainText({ minLength: 1, maxLength: 80 }) },
  { additionalProperties: false },
);
export type DeviceCreateBody = Static<typeof DeviceCreateBody>;

export const Device = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revoked: Type.Boolean(),
});
export type Device = Static<typeof Device>;

/** The token is shown exactly once, at creation. */
export const IssuedDevice = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  token: Type.String(),
});
export type IssuedDevice = Static<typeof IssuedDevice>;
