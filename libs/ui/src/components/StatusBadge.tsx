// Status pill for service and check states. The label is always text, so the
// state is never conveyed by colour alone.

export type StatusTone = 'ok' | 'warn' | 'danger' | 'neutral';

const TONE_BY_STATUS: Record<string, StatusTone> = {
  ok: 'ok',
  up: 'ok',
  healthy: 'ok',
  degraded: 'warn',
  pending: 'warn',
  down: 'danger',
  failed: 'danger',
  error: 'danger',
};

export const toneOfStatus = (status: string): StatusTone => TONE_BY_STATUS[status.toLowerCase()] ?? 'neutral';

export interface StatusBadgeProps {
  status: string;
  /** Text to show instead of the raw status. */
  label?: string;
  'data-testid'?: string;
}

export function StatusBadge({ status, label, 'data-testid': testId }: StatusBadgeProps) {
  const tone = toneOfStatus(status);
  return (
    <span
      className={tone === 'neutral' ? 'zamio-badge' : `zamio-badge zamio-badge--${tone}`}
      data-status={status}
      data-testid={testId}
    >
      {label ?? status}
    </span>
  );
}
