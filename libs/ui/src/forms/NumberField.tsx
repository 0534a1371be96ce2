import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { Field, splitFieldProps, type FieldFrameProps } from './Field';

export interface NumberFieldProps
  extends
    FieldFrameProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'required' | 'type' | 'prefix'> {
  /** Shown before the input, e.g. "GHS". */
  prefix?: ReactNode;
  /** Shown after the input, e.g. "%". */
  suffix?: ReactNode;
  /** Whole numbers only (numeric keypad without a decimal key). */
  integer?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A number as text: the value stays the string the person typed, so amounts and
 * shares are parsed exactly (parseGhsToPesewas, parsePercentToBasisPoints)
 * instead of through a float. Mobile keyboards still show digits (inputMode).
 */
export function NumberField(props: NumberFieldProps) {
  const { frame, control } = splitFieldProps(props);
  const { prefix, suffix, integer, ...input } = control;
  return (
    <Field {...frame}>
      {(wiring) => (
        <div className="zamio-input-group">
          {prefix ? (
            <span className="zamio-input-group__addon" aria-hidden="true">
              {prefix}
            </span>
          ) : null}
          <input
            className="zamio-input"
            type="text"
            inputMode={integer ? 'numeric' : 'decimal'}
            autoComplete="off"
            {...input}
            {...wiring}
          />
          {suffix ? (
            <span className="zamio-input-group__addon" aria-hidden="true">
              {suffix}
            </span>
          ) : null}
        </div>
      )}
    </Field>
  );
}

/** A share in percent with two decimals ("33.33"); parse with parsePercentToBasisPoints. */
export const PercentField = (props: Omit<NumberFieldProps, 'suffix' | 'integer'>) => (
  <NumberField placeholder="0.00" {...props} suffix="%" />
);

/** An amount in cedis ("12.50"); parse with parseGhsToPesewas. */
export const MoneyField = (props: Omit<NumberFieldProps, 'prefix' | 'integer'>) => (
  <NumberField placeholder="0.00" {...props} prefix="GHS" />
);
