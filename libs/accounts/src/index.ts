// Accounts: users, sessions and station devices' tokens — who may call.
export * from './rules/roles';
export * from './rules/email';
export * from './rules/password-policy';
export * from './rules/password-hashing';
export * from './rules/session-cookie';
export * from './rules/csrf';
export * from './rules/device-tokens';
export * from './rules/demo-accounts';
export type { Account, AccountFilter } from './repositories/users-repository';
export type { Device } from './repositories/device-tokens-repository';
export * as usersRepository from './repositories/users-repository';
export * as sessionsRepository from './repositories/sessions-repository';
export * as deviceTokensRepository from './repositories/device-tokens-repository';
export * from './services/account-created-hook';
export * from './services/account-service';
export * from './services/account-admin-service';
export * from './services/device-service';
export * from './services/account-provisioning';
