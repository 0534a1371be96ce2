// The admin portal keeps the shared portal contract (libs/ui/testing).
import { describePortal } from '@zamio/ui/testing';
import { adminPortal } from './admin-portal';

describePortal(adminPortal, {
  roleLabel: 'Admin',
  role: 'admin',
  navigation: [
    ['Home', '/'],
    ['Users', '/users'],
    ['Stations', '/stations'],
    ['Rate table', '/rate-table'],
    ['Cycles', '/cycles'],
    ['Disputes', '/disputes'],
    ['Payouts', '/payouts'],
    ['Audit log', '/audit'],
    ['System status', '/system'],
    // Tests run as a development build, which has the component gallery.
    ['UI kit', '/ui-kit'],
  ],
  homeHeading: 'Administration',
});
