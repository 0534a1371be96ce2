import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'sm' | 'md' | 'lg';

export interface ButtonStyle {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Full width of its container. */
  block?: boolean;
  /** Square icon-only button: give it an aria-label. */
  iconOnly?: boolean;
}

/** The button classes, for links styled as buttons (`<Link className={buttonClassName(...)}>`). */
export function buttonClassName({ variant = 'secondary', size = 'md', block, iconOnly }: ButtonStyle = {}) {
  return [
    'zamio-button',
    `zamio-button--${variant}`,
    size === 'md' ? undefined : `zamio-button--${size}`,
    block ? 'zamio-button--block' : undefined,
    iconOnly ? 'zamio-button--icon' : undefined,
  ]
    .filter(Boolean)
    .join(' ');
}

export interface ButtonProps extends ButtonStyle, Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  /** Shows a spinner, marks the button busy and ignores clicks until it is done. */
  loading?: boolean;
  /** Label while loading, e.g. "Saving…"; defaults to the children. */
  loadingLabel?: ReactNode;
  /** Icon before the label (decorative: hidden from assistive technology). */
  icon?: ReactNode;
  className?: string;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * The one button of the portals. `type` defaults to "button" so a button in a
 * form never submits it by accident; pass type="submit" for the submit button.
 */
export function Button({
  variant,
  size,
  block,
  iconOnly,
  loading = false,
  loadingLabel,
  icon,
  className,
  type = 'button',
  disabled,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={[buttonClassName({ variant, size, block, iconOnly }), className].filter(Boolean).join(' ')}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
    >
      {loading ? (
        <span className="zamio-spinner" aria-hidden="true" />
      ) : icon ? (
        <span aria-hidden="true" style={{ display: 'inline-flex' }}>
          {icon}
        </span>
      ) : null}
      {loading && loadingLabel !== undefined ? loadingLabel : children}
    </button>
  );
}
