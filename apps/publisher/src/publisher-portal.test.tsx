// The publisher portal keeps the shared portal contract (libs/ui/testing).
import { describePortal } from '@zamio/ui/testing';
import { publisherPortal } from './publisher-portal';

describePortal(publisherPortal, {
  roleLabel: 'Publisher',
  role: 'publisher',
  selfSignUp: true,
  navigation: [
    ['Home', '/'],
    ['Roster', '/roster'],
    ['Catalog', '/catalog'],
    ['Plays', '/plays'],
    ['Earnings', '/earnings'],
    ['Statements', '/statements'],
    ['Disputes', '/disputes'],
    ['Payouts', '/payouts'],
    ['System', '/system'],
  ],
  homeHeading: 'Publisher dashboard',
});
