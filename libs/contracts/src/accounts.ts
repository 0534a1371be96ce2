// Admin account management and station devices.
import Type, { type Static } from 'typebox';
import { AccountStatus, RoleName, User } from './auth';
import { Paged, PageQueryFields } from './paging';
import { PlainText } from './text';

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const UserListQuery = Type.Object(
  {
    ...PageQueryFields,
    status: Type.Optional(AccountStatus),
    role: Type.Optional(RoleName),
    /** Part of the e-mail or display name, any case. */
    search: Type.Optional(PlainText({ minLength: 1, maxLength: 200 })),
    sort: Type.Union([Type.Literal('createdAt'), Type.Literal('email')], { default: 'createdAt' }),
    order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'desc' }),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const UserPage = Paged(User);
export type UserPage = Static<typeof UserPage>;

/** POST /api/admin/users/:id/reject: the reason its owner is shown at sign-in. */
export const RejectAccountBody = Type.Object(
  { reason: PlainText({ minLength: 3, maxLength: 500 }) },
  { additionalProperties: false },
);
export type RejectAccountBody = Static<typeof RejectAccountBody>;

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
