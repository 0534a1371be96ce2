// Sign-up, sign-in and session payloads. Every object rejects unknown fields
// (additionalProperties: false), so a typo is a 400, never silently ignored.
import Type, { type Static } from 'typebox';
import { PlainText } from './text';

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
/** Length-only policy (NIST 800-63B); the maximum bounds hashing work. */
export const NewPassword = Type.String({ minLength: 12, maxLength: 256 });
export const Password = Type.String({ minLength: 1, maxLength: 256 });

export const RoleName = Type.Union([
  Type.Literal('artist'),
  Type.Literal('station'),
  Type.Literal('publisher'),
  Type.Literal('admin'),
]);
export type RoleName = Static<typeof RoleName>;
export const SelfServiceRole = Type.Union([
  Type.Literal('artist'),
  Type.Literal('station'),
  Type.Literal('publisher'),
]);
export const AccountStatus = Type.Union([
  Type.Literal('active'),
  Type.Literal('pending'),
  Type.Literal('disabled'),
  Type.Literal('rejected'),
]);
export type AccountStatus = Static<typeof AccountStatus>;

export const SignUpBody = Type.Object(
  {
    email: Email,
    password: NewPassword,
    displayName: PlainText({ minLength: 1, maxLength: 120 }),
    role: SelfServiceRole,
  },
  { additionalProperties: false },
);
export type SignUpBody = Static<typeof SignUpBody>;

export const LoginBody = Type.Object({ email: Email, password: Password }, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: NewPassword },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const User = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  role: RoleName,
  status: AccountStatus,
  createdAt: Type.String({ format: 'date-time' }),
  approvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Why an administrator rejected the account (status `rejected`), else null. */
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  rejectedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type User = Static<typeof User>;

/** Returned by sign-in and GET /api/auth/me: send csrfToken back as X-CSRF-Token on unsafe requests. */
export const SessionInfo = Type.Object({ user: User, csrfToken: Type.String() });
export type SessionInfo = Static<typeof SessionInfo>;
