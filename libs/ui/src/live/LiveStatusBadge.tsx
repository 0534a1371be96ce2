import { StatusBadge } from '../components/StatusBadge';
import { useLiveStatus } from './LiveUpdatesProvider';

const LABELS = {
  idle: 'Not live',
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
} as const;
const TONES = { idle: 'neutral', connecting: 'info', open: 'ok', reconnecting: 'warn' } as const;

/** "Live" while the live-update connection is open; shown next to lists that update themselves. */
export function LiveStatusBadge() {
  const status = useLiveStatus();
  return (
    <StatusBadge status={status} label={LABELS[status]} tone={TONES[status]} data-testid="live-status" />
  );
}
