// The artist portal: its role label and its pages, in navigation order.
// Each page is loaded on first visit, so every page is its own chunk.
// Earnings and disputes arrive with the royalty cycles (issue 13).
import type { PortalDefinition } from '@zamio/ui';

export const artistPortal: PortalDefinition = {
  productName: 'ZamIO',
  roleLabel: 'Artist',
  role: 'artist',
  selfSignUp: true,
  pages: [
    { to: '/', label: 'Home', load: () => import('./pages/HomePage') },
    { to: '/tracks', label: 'Tracks', load: () => import('./pages/TracksPage') },
    { to: '/tracks/:id', label: 'Track', hidden: true, load: () => import('./pages/TrackPage') },
    { to: '/upload', label: 'Upload', load: () => import('./pages/UploadPage') },
    { to: '/plays', label: 'Plays', load: () => import('./pages/PlaysPage') },
    { to: '/system', label: 'System', load: () => import('./pages/SystemPage') },
  ],
};
