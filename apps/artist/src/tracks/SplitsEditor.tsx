// Contributors of a track and their shares, edited as a whole set. The total
// is checked live (in basis points, exact): saving is possible only at
// exactly 100 %, and the line under the rows says how much is left or too much.
import type { Split, SplitsPutBody } from '@zamio/contracts';
import {
  Button,
  ErrorBanner,
  PercentField,
  SelectField,
  StatusBadge,
  TextField,
  formatBasisPoints,
} from '@zamio/ui';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import {
  ROLE_LABELS,
  emptyRow,
  equalShares,
  nameProblem,
  rowOfSplit,
  shareProblem,
  splitsBodyOf,
  totalState,
  type SplitRow,
} from './splits-rules';

export interface SplitsEditorProps {
  /** The set in force now (the uploader holds 100 % until the artist changes it). */
  current: readonly Split[];
  /** Saves the whole set; a rejection is shown above the buttons. */
  onSave: (body: SplitsPutBody) => Promise<unknown>;
}

const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

export function SplitsEditor({ current, onSave }: SplitsEditorProps) {
  const initialRows = current.length ? current.map(rowOfSplit) : [emptyRow()];
  const { control, register, handleSubmit, reset, setValue, formState } = useForm<{ rows: SplitRow[] }>({
    mode: 'onChange',
    defaultValues: { rows: initialRows },
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'rows' });
  const rows = useWatch({ control, name: 'rows' }) ?? [];
  const total = totalState(rows);
  const [saveError, setSaveError] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const save = handleSubmit(async (values) => {
    setSaveError(undefined);
    setSaved(false);
    try {
      await onSave(splitsBodyOf(values.rows));
      reset(values);
      setSaved(true);
    } catch (error) {
      setSaveError(error);
    }
  });

  const splitEqually = () =>
    equalShares(fields.length).forEach((share, index) =>
      setValue(`rows.${index}.share`, share, { shouldValidate: true, shouldDirty: true }),
    );

  return (
    <form className="zamio-form" onSubmit={save} noValidate data-testid="splits-editor">
      <ol className="zamio-split-rows">
        {fields.map((field, index) => {
          const row = rows[index] ?? field;
          const errors = formState.errors.rows?.[index];
          return (
            <li key={field.id} className="zamio-split-row" data-testid={`split-row-${index}`}>
              {row.userId ? (
                <div className="zamio-field">
                  <span className="zamio-field__label">Contributor</span>
                  <span className="zamio-split-row__account">
                    {row.name} <span className="zamio-muted">(registered account)</span>
                  </span>
                </div>
              ) : (
                <TextField
                  label="Contributor"
                  placeholder="Name of the person or company"
                  autoComplete="off"
                  error={errors?.name?.message}
                  data-testid={`split-name-${index}`}
                  {...register(`rows.${index}.name`, {
                    validate: (_, values) => nameProblem(values.rows[index]!) ?? true,
                  })}
                />
              )}
              <SelectField
                label="Role"
                options={ROLE_OPTIONS}
                data-testid={`split-role-${index}`}
                {...register(`rows.${index}.role`)}
              />
              <PercentField
                label="Share"
                error={errors?.share?.message}
                data-testid={`split-share-${index}`}
                {...register(`rows.${index}.share`, { validate: (value) => shareProblem(value) ?? true })}
              />
              <div className="zamio-split-row__remove">
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={fields.length === 1}
                  aria-label={`Remove ${row.name || `contributor ${index + 1}`}`}
                  onClick={() => remove(index)}
                  data-testid={`split-remove-${index}`}
                >
                  Remove
                </Button>
              </div>
            </li>
          );
        })}
      </ol>

      <p
        className="zamio-split-total"
        data-complete={total.complete}
        aria-live="polite"
        data-testid="splits-total"
      >
        <StatusBadge
          status={total.complete ? 'ok' : 'pending'}
          label={`Total ${formatBasisPoints(total.totalBp)}`}
        />{' '}
        <span data-testid="splits-total-message">{total.message}</span>
      </p>

      {saveError ? <ErrorBanner title="The splits were not saved" error={saveError} /> : null}
      {saved && !formState.isDirty ? (
        <p className="zamio-notice zamio-notice--ok" role="status" data-testid="splits-saved">
          Splits saved. They apply to plays from now on.
        </p>
      ) : null}

      <div className="zamio-button-row">
        <Button variant="secondary" onClick={() => append(emptyRow())} data-testid="split-add">
          Add contributor
        </Button>
        <Button variant="ghost" onClick={splitEqually} disabled={fields.length < 2}>
          Split equally
        </Button>
        <Button
          type="submit"
          variant="primary"
          loading={formState.isSubmitting}
          loadingLabel="Saving…"
          disabled={!total.complete}
          data-testid="splits-save"
        >
          Save splits
        </Button>
      </div>
    </form>
  );
}
