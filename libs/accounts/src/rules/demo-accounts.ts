// Demo accounts for embedded mode and compose (SEED_DEMO_DATA=true, which
// staging and production refuse). The password is public by design.
import type { Role } from './roles';

export const DEMO_PASSWORD = 'zamio-demo-password';

export const DEMO_ACCOUNTS: readonly { role: Role; email: string; displayName: string }[] = [
  { role: 'artist', email: 'artist@demo.zamio.local', displayName: 'Demo Artist' },
  { role: 'station', email: 'station@demo.zamio.local', displayName: 'Demo FM' },
  { role: 'publisher', email: 'publisher@demo.zamio.local', displayName: 'Demo Publishing' },
  { role: 'admin', email: 'admin@demo.zamio.local', displayName: 'Demo Admin' },
];
