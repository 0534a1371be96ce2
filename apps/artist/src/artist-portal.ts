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
    { to: '/tracks/:id', label: 'Track', hidden: true, load: () => import('./pages/TrackPage') },
    { to: '/upload', label: 'Upload', load: () => import('./pages/UploadPage') },
    { to: '/plays', label: 'Plays', load: () => import('./pages/PlaysPage') },
    { to: '/earnings', label: 'Earnings', load: () => import('./pages/EarningsPage') },
    { to: '/statements', label: 'Statements', load: () => import('./pages/StatementsPage') },
    {
      to: '/statements/:id',
      label: 'Statement',
      hidden: true,
      load: () => import('./pages/StatementPage'),
    },
    { to: '/disputes', label: 'Disputes', load: () => import('./pages/DisputesPage') },
    { to: '/payouts', label: 'Payouts', load: () => import('./pages/PayoutsPage') },
    { to: '/system', label: 'System', load: () => import('./pages/SystemPage') },
  ],
};
