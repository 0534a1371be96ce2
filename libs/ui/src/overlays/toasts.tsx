// Notifications ("Track uploaded", "Cycle locked", "Connection lost"), built on
// sonner: queueing, stacking, pause on hover/focus, swipe to dismiss and an
// aria-live region come with it; the look is the portal's own (unstyled mode).
import type { ReactNode } from 'react';
import { Toaster as SonnerToaster, toast } from 'sonner';

export interface NotifyOptions {
  description?: ReactNode;
  /** Milliseconds on screen; errors stay until dismissed by default. */
  duration?: number;
  /** A button in the toast, e.g. "View" or "Undo". */
  action?: { label: string; onClick: () => void };
  id?: string;
}

const optionsOf = ({ description, duration, action, id }: NotifyOptions = {}) => ({
  ...(description === undefined ? {} : { description }),
  ...(duration === undefined ? {} : { duration }),
  ...(action ? { action } : {}),
  ...(id === undefined ? {} : { id }),
});

/** Shows a toast; import `notify` from @zamio/ui rather than sonner, so the look stays one. */
export const notify = {
  info: (title: ReactNode, options?: NotifyOptions) => toast.info(title, optionsOf(options)),
  success: (title: ReactNode, options?: NotifyOptions) => toast.success(title, optionsOf(options)),
  warning: (title: ReactNode, options?: NotifyOptions) => toast.warning(title, optionsOf(options)),
  error: (title: ReactNode, options?: NotifyOptions) =>
    toast.error(title, { duration: Number.POSITIVE_INFINITY, ...optionsOf(options) }),
  dismiss: (id?: string | number) => toast.dismiss(id),
};

/** Where toasts appear; mounted once by the portal shell. */
export function Toaster() {
  return (
    <SonnerToaster
      position="bottom-right"
      closeButton
      toastOptions={{
        unstyled: true,
        classNames: {
          toast: 'zamio-toast',
          title: 'zamio-toast__title',
          description: 'zamio-toast__description',
          actionButton: 'zamio-button zamio-button--primary zamio-button--sm',
          closeButton: 'zamio-button zamio-button--ghost zamio-button--sm',
        },
      }}
    />
  );
}
