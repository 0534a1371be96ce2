// The artist portal keeps the shared portal contract (libs/ui/testing).
import { describePortal } from '@zamio/ui/testing';
import { artistPortal } from './artist-portal';

describePortal(artistPortal, {
  roleLabel: 'Artist',
  role: 'artist',
  selfSignUp: true,
  navigation: [
    ['Home', '/'],
    ['Tracks', '/tracks'],
    ['Upload', '/upload'],
    ['Plays', '/plays'],
    ['Earnings', '/earnings'],
    ['Statements', '/statements'],
    ['Disputes', '/disputes'],
    ['Payouts', '/payouts'],
    ['System', '/system'],
  ],
  homeHeading: 'Artist dashboard',
});
