import { useState, type ChangeEvent, type InputHTMLAttributes, type Ref } from 'react';
import { formatBytes } from '../format/numbers';
import { Field, splitFieldProps, type FieldFrameProps } from './Field';
import { fileProblem, type FileRules } from './file-checks';

export interface FileFieldProps
  extends
    FieldFrameProps,
    FileRules,
    Omit<
      InputHTMLAttributes<HTMLInputElement>,
      'id' | 'className' | 'required' | 'type' | 'accept' | 'onChange'
    > {
  /** The chosen file once it passed the checks; undefined when cleared or refused. */
  onFileChange?: (file: File | undefined) => void;
  ref?: Ref<HTMLInputElement>;
}

/** A file input that checks type and size on choice and says what is wrong inline. */
export function FileField(props: FileFieldProps) {
  const { frame, control } = splitFieldProps(props);
  const { accept, maxBytes, onFileChange, ...input } = control;
  const [problem, setProblem] = useState<string | undefined>();
  const [chosen, setChosen] = useState<File | undefined>();

  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    const found = file ? fileProblem(file, { accept, maxBytes }) : undefined;
    setProblem(found);
    setChosen(found ? undefined : file);
    onFileChange?.(found ? undefined : file);
  };

  const hint =
    frame.hint ?? (maxBytes !== undefined ? `Up to ${formatBytes(maxBytes)}` : undefined) ?? undefined;
  return (
    <Field {...frame} hint={hint} error={frame.error ?? problem}>
      {(wiring) => (
        <>
          <input
            className="zamio-input zamio-input--file"
            type="file"
            accept={accept}
            {...input}
            onChange={change}
            {...wiring}
          />
          {chosen ? (
            <span className="zamio-muted" data-testid="file-chosen">
              {chosen.name} · {formatBytes(chosen.size)}
            </span>
          ) : null}
        </>
      )}
    </Field>
  );
}
