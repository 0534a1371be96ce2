// The station portal keeps the shared portal contract (libs/ui/testing).
import { describePortal } from '@zamio/ui/testing';
import { stationPortal } from './station-portal';

describePortal(stationPortal, {
  roleLabel: 'Station',
  role: 'station',
  selfSignUp: true,
  navigation: [
    ['Home', '/'],
    ['Captures', '/captures'],
    ['Detections', '/detections'],
    ['Plays', '/plays'],
    ['Playlogs', '/playlogs'],
    ['Streams', '/streams'],
    ['Devices', '/devices'],
    ['Profile', '/profile'],
    ['System', '/system'],
  ],
  homeHeading: 'Station dashboard',
});
