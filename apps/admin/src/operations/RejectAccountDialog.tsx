// Reject a pending account: the reason is required (3–500 characters) and is
// shown to the account's owner when they sign in.
import type { User } from '@zamio/contracts';
import { adminOperationsEndpoints } from '@zamio/api-client';
import { Button, ConfirmDialog, TextField, useApiClient } from '@zamio/ui';
import { useState } from 'react';

const MIN = 3;
const MAX = 500;

export function RejectAccountDialog({ user, onRejected }: { user: User; onRejected: (user: User) => void }) {
  const api = useApiClient();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const trimmed = reason.trim();
  const problem =
    trimmed.length < MIN
      ? `Say why, in at least ${MIN} characters`
      : trimmed.length > MAX
        ? `At most ${MAX} characters`
        : undefined;
  return (
    <ConfirmDialog
      title={`Reject ${user.displayName}?`}
      description={`${user.email} will see this reason when signing in. The account cannot be used unless it is approved later.`}
      confirmLabel="Reject account"
      tone="danger"
      data-testid="reject-dialog"
      onOpenChange={(open) => {
        if (open) {
          setReason('');
          setTouched(false);
        }
      }}
      trigger={
        <Button size="sm" variant="secondary" data-testid="user-reject">
          Reject
        </Button>
      }
      onConfirm={async () => {
        setTouched(true);
        if (problem) throw new Error(problem);
        onRejected(await adminOperationsEndpoints.rejectUser(api, user.id, { reason: trimmed }));
      }}
    >
      <TextField
        label="Reason"
        hint={`Shown to the account's owner. ${trimmed.length}/${MAX} characters.`}
        required
        maxLength={MAX}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        onBlur={() => setTouched(true)}
        error={touched ? problem : undefined}
        data-testid="reject-reason"
      />
    </ConfirmDialog>
  );
}
