// The station portal: its role label and its pages, in navigation order.
// Each page is loaded on first visit, so every page is its own chunk.
import type { PortalDefinition } from '@zamio/ui';

export const stationPortal: PortalDefinition = {
  productName: 'ZamIO',
  roleLabel: 'Station',
  role: 'station',
  selfSignUp: true,
  pages: [
    { to: '/', label: 'Home', load: () => import('./pages/HomePage') },
    { to: '/captures', label: 'Captures', load: () => import('./pages/CapturesPage') },
    { to: '/detections', label: 'Detections', load: () => import('./pages/DetectionsPage') },
    { to: '/plays', label: 'Plays', load: () => import('./pages/PlaysPage') },
    { to: '/playlogs', label: 'Playlogs', load: () => import('./pages/PlaylogsPage') },
    { to: '/streams', label: 'Streams', load: () => import('./pages/StreamsPage') },
    { to: '/devices', label: 'Devices', load: () => import('./pages/DevicesPage') },
    { to: '/profile', label: 'Profile', load: () => import('./pages/ProfilePage') },
    { to: '/system', label: 'System', load: () => import('./pages/SystemPage') },
  ],
};
