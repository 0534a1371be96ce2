import { useId, type ReactNode } from 'react';

/** Attributes a control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  required: boolean | undefined;
}

export interface FieldFrameProps {
  label: ReactNode;
  /** Help shown under the control at all times. */
  hint?: ReactNode;
  /** Inline validation message (client or server); marks the control invalid. */
  error?: ReactNode;
  required?: boolean;
  /** Use the caller's id for the control (e.g. for an external <label>). */
  id?: string;
  className?: string;
}

export interface FieldProps extends FieldFrameProps {
  /** Renders the control with the ids that wire it to label, hint and error. */
  children: (control: FieldControlProps) => ReactNode;
  /** Extra content below the hint, e.g. password rules; referenced by aria-describedby. */
  details?: ReactNode;
}

/**
 * Label + control + hint + error, wired for assistive technology: the error is
 * announced (role="alert" appears with it) and the control references hint and
 * error through aria-describedby.
 */
export function Field({ label, hint, error, required, id, className, children, details }: FieldProps) {
  const generated = useId();
  const controlId = id ?? `${generated}-control`;
  const hintId = hint ? `${generated}-hint` : undefined;
  const detailsId = details ? `${generated}-details` : undefined;
  const errorId = error ? `${generated}-error` : undefined;
  const describedBy = [errorId, hintId, detailsId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['zamio-field', className].filter(Boolean).join(' ')}>
      <label className="zamio-field__label" htmlFor={controlId}>
        {label}
        {required ? (
          <span className="zamio-field__required" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {children({
        id: controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        required: required || undefined,
      })}
      {hint ? (
        <p className="zamio-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {details ? <div id={detailsId}>{details}</div> : null}
      {error ? (
        <p className="zamio-field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Splits field-frame props from the rest (the control's own attributes). */
export function splitFieldProps<T extends FieldFrameProps>(props: T) {
  const { label, hint, error, required, id, className, ...control } = props;
  return { frame: { label, hint, error, required, id, className }, control };
}
