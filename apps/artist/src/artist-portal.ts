// The artist portal: its role label and its pages, in navigation order.
// Each page is loaded on first visit, so every page is its own chunk.
import type { PortalDefinition } from '@zamio/ui';

export const artistPortal: PortalDefinition = {
  productName: 'ZamIO',
  roleLabel: 'Artist',
  role: 'artist',
  selfSignUp: true,
  pages: [
    { to: '/', label: 'Home', load: () => import('./pages/HomePage') },
    { to: '/tracks', label: 'Tracks', load: () => import('./pages/TracksPage') },
    { to: '/upload', label: 'Upload', load: () => import('./pages/UploadPage') },
    { to: '/plays', label: 'Plays', load: () => import('./pages/PlaysPage') },
    { to: '/earnings', label: 'Earnings', load: () => import('./pages/EarningsPage') },
    { to: '/disputes', label: 'Disputes', load: () => import('./pages/DisputesPage') },
    { to: '/system', label: 'System', load: () => import('./pages/SystemPage') },
  ],
};
