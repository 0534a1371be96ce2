import { useState, type ReactNode } from 'react';
import { Button } from '../components/Button';
import { ErrorBanner } from '../components/ErrorBanner';
import { Dialog, DialogClose } from './Dialog';

export interface ConfirmDialogProps {
  title: ReactNode;
  description: ReactNode;
  /** The button that opens the dialog. */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  confirmLabel: string;
  cancelLabel?: string;
  /** `danger` for destructive or irreversible actions (reject, lock a cycle). */
  tone?: 'primary' | 'danger';
  /** Runs on confirm; the dialog shows progress, closes on success, shows the error on failure. */
  onConfirm: () => unknown;
  /** Extra content, e.g. a reason field. */
  children?: ReactNode;
  'data-testid'?: string;
}

/** "Are you sure?" with the action named on the button, busy while it runs. */
export function ConfirmDialog({
  title,
  description,
  trigger,
  open: controlledOpen,
  onOpenChange,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'primary',
  onConfirm,
  children,
  'data-testid': testId,
}: ConfirmDialogProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const open = controlledOpen ?? ownOpen;
  const setOpen = (next: boolean) => {
    if (busy) return;
    if (next) setError(undefined);
    setOwnOpen(next);
    onOpenChange?.(next);
  };

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      setBusy(false);
      setOwnOpen(false);
      onOpenChange?.(false);
    } catch (caught) {
      setBusy(false);
      setError(caught);
    }
  };

  return (
    <Dialog
      title={title}
      description={description}
      trigger={trigger}
      open={open}
      onOpenChange={setOpen}
      data-testid={testId}
      actions={
        <>
          <DialogClose asChild>
            <Button variant="secondary" disabled={busy}>
              {cancelLabel}
            </Button>
          </DialogClose>
          <Button variant={tone} loading={busy} onClick={() => void confirm()} data-testid="confirm-action">
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {error !== undefined ? <ErrorBanner title="That did not work" error={error} /> : null}
    </Dialog>
  );
}
