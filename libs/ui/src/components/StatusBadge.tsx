// Status pill for every state the portals show: service checks, tracks
// (uploaded → processing → ready / failed), streams (up / down), accounts and
// reviews (pending / approved / rejected), captures, payouts. The label is
// always text, so the state is never conveyed by colour alone.

export type StatusTone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

const TONE_BY_STATUS: Record<string, StatusTone> = {
  ok: 'ok',
  up: 'ok',
  healthy: 'ok',
  ready: 'ok',
  active: 'ok',
  approved: 'ok',
  matched: 'ok',
  confirmed: 'ok',
  paid: 'ok',
  locked: 'ok',
  degraded: 'warn',
  pending: 'warn',
  flagged: 'warn',
  held: 'warn',
  open: 'warn',
  uploaded: 'info',
  processing: 'info',
  queued: 'info',
  calculating: 'info',
  down: 'danger',
  failed: 'danger',
  error: 'danger',
  rejected: 'danger',
  disabled: 'danger',
  unmatched: 'neutral',
  withdrawn: 'neutral',
};

const LABEL_BY_STATUS: Record<string, string> = {
  ok: 'OK',
  up: 'Up',
  down: 'Down',
};

export const toneOfStatus = (status: string): StatusTone => TONE_BY_STATUS[status.toLowerCase()] ?? 'neutral';

/** "processing" → "Processing", "dead_letter" → "Dead letter". */
export const labelOfStatus = (status: string): string => {
  const known = LABEL_BY_STATUS[status.toLowerCase()];
  if (known) return known;
  const words = status.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export interface StatusBadgeProps {
  status: string;
  /** Text to show instead of the status, e.g. a failure reason's short form. */
  label?: string;
  /** Overrides the tone looked up from the status. */
  tone?: StatusTone;
  /** Longer explanation (e.g. a failure reason), shown as a tooltip and read by screen readers. */
  title?: string;
  'data-testid'?: string;
}

export function StatusBadge({ status, label, tone, title, 'data-testid': testId }: StatusBadgeProps) {
  const resolved = tone ?? toneOfStatus(status);
  return (
    <span
      className={resolved === 'neutral' ? 'zamio-badge' : `zamio-badge zamio-badge--${resolved}`}
      data-status={status}
      data-testid={testId}
      title={title}
    >
      {label ?? labelOfStatus(status)}
      {title ? <span className="zamio-visually-hidden">: {title}</span> : null}
    </span>
  );
}
