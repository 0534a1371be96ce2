import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from '../icons';
import type { ReactNode } from 'react';
import { Button } from '../components/Button';

export interface DialogProps {
  title: ReactNode;
  /** One sentence under the title; read out when the dialog opens. */
  description?: ReactNode;
  /** The element that opens it (a <Button>); omit and control `open` instead. */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children?: ReactNode;
  /** Buttons at the bottom, e.g. Cancel + Save. */
  actions?: ReactNode;
  'data-testid'?: string;
}

/**
 * A modal dialog (Radix): focus moves in and is trapped, Escape and the close
 * button close it, focus returns to the trigger, the page behind is inert.
 */
export function Dialog({
  title,
  description,
  trigger,
  open,
  onOpenChange,
  children,
  actions,
  'data-testid': testId,
}: DialogProps) {
  return (
    <RadixDialog.Root {...(open === undefined ? {} : { open })} {...(onOpenChange ? { onOpenChange } : {})}>
      {trigger ? <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger> : null}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="zamio-dialog__overlay" />
        <RadixDialog.Content
          className="zamio-dialog"
          data-testid={testId}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className="zamio-drawer__head">
            <RadixDialog.Title className="zamio-dialog__title">{title}</RadixDialog.Title>
            <RadixDialog.Close asChild>
              <Button variant="ghost" size="sm" iconOnly aria-label="Close">
                <X size={18} aria-hidden="true" />
              </Button>
            </RadixDialog.Close>
          </div>
          {description ? (
            <RadixDialog.Description className="zamio-dialog__description">
              {description}
            </RadixDialog.Description>
          ) : null}
          {children}
          {actions ? <div className="zamio-dialog__actions">{actions}</div> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** Closes the surrounding Dialog when clicked (wrap a Cancel button). */
export const DialogClose = RadixDialog.Close;
