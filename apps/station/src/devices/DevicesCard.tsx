// Capture devices and their tokens: issue one (the token is shown once, with
// a copy button, and never again), see when each was last used, revoke one.
import type { Device, IssuedDevice } from '@zamio/contracts';
import { stationEndpoints } from '@zamio/api-client';
import {
  Button,
  Card,
  ConfirmDialog,
  DataTable,
  StatusBadge,
  TextField,
  formatDateTime,
  notify,
  serverFormErrors,
  useApiClient,
  type DataColumn,
} from '@zamio/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

export const devicesQueryKey = ['station', 'devices'] as const;

function IssuedTokenNotice({ issued, onDone }: { issued: IssuedDevice; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied(true);
    } catch {
      notify.warning('Copying is not allowed here', { description: 'Select the token and copy it by hand.' });
    }
  };
  return (
    <div className="zamio-notice zamio-notice--ok" role="status" data-testid="issued-token">
      <p className="zamio-notice__title">Token for “{issued.name}”</p>
      <p>
        Copy it into the capture device now. It is shown only this once; if it is lost, revoke the device and
        issue a new one.
      </p>
      <code className="zamio-token" data-testid="issued-token-value">
        {issued.token}
      </code>
      <div className="zamio-button-row">
        <Button size="sm" variant="primary" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy token'}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          I have stored it
        </Button>
      </div>
    </div>
  );
}

export function DevicesCard() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<IssuedDevice | undefined>();
  const devices = useQuery({
    queryKey: devicesQueryKey,
    queryFn: ({ signal }) => stationEndpoints.listDevices(api, signal),
  });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ name: string }>({ defaultValues: { name: '' } });
  const [formError, setFormError] = useState<string | undefined>();

  const issue = handleSubmit(async ({ name }) => {
    setFormError(undefined);
    try {
      const device = await stationEndpoints.issueDevice(api, { name: name.trim() });
      setIssued(device);
      reset();
      await queryClient.invalidateQueries({ queryKey: devicesQueryKey });
    } catch (error) {
      const mapped = serverFormErrors<'name'>(error, { fields: ['name'], conflictField: 'name' });
      if (mapped.fields.name) setError('name', { type: 'server', message: mapped.fields.name });
      setFormError(mapped.form);
    }
  });

  const revoke = useMutation({
    mutationFn: (device: Device) => stationEndpoints.revokeDevice(api, device.id),
    onSuccess: (_, device) => {
      notify.success(`${device.name} revoked`, { description: 'Its token no longer works.' });
      return queryClient.invalidateQueries({ queryKey: devicesQueryKey });
    },
  });

  const columns: DataColumn<Device>[] = [
    { key: 'name', header: 'Device', render: (device) => device.name },
    {
      key: 'state',
      header: 'State',
      render: (device) => (
        <StatusBadge
          status={device.revoked ? 'revoked' : 'active'}
          tone={device.revoked ? 'neutral' : 'ok'}
        />
      ),
    },
    { key: 'created', header: 'Issued', render: (device) => formatDateTime(device.createdAt) },
    {
      key: 'used',
      header: 'Last used',
      render: (device) => (device.lastUsedAt ? formatDateTime(device.lastUsedAt) : 'Never'),
    },
    {
      key: 'actions',
      header: 'Actions',
      cardLabel: '',
      render: (device) =>
        device.revoked ? null : (
          <ConfirmDialog
            title={`Revoke ${device.name}?`}
            description="The device can no longer send captures with its token. This cannot be undone."
            confirmLabel="Revoke device"
            tone="danger"
            trigger={
              <Button size="sm" variant="danger" data-testid={`revoke-${device.name}`}>
                Revoke…
              </Button>
            }
            onConfirm={() => revoke.mutateAsync(device)}
          />
        ),
    },
  ];

  return (
    <Card title="Capture devices" data-testid="devices-card">
      <p className="zamio-muted">
        Each device that sends 10-second captures signs in with its own token. Revoke a lost or replaced
        device.
      </p>
      <form className="zamio-inline-form" onSubmit={issue} noValidate>
        <TextField
          label="New device name"
          placeholder="e.g. Studio A capture box"
          autoComplete="off"
          error={errors.name?.message ?? formError}
          data-testid="device-name"
          {...register('name', {
            validate: (value) =>
              value.trim() === ''
                ? 'Name the device, e.g. where it is installed'
                : value.trim().length > 80
                  ? 'A device name has at most 80 characters'
                  : true,
          })}
        />
        <Button type="submit" variant="primary" loading={isSubmitting} data-testid="issue-device">
          Issue token
        </Button>
      </form>
      {issued ? <IssuedTokenNotice issued={issued} onDone={() => setIssued(undefined)} /> : null}
      <DataTable
        caption="Devices"
        columns={columns}
        rows={devices.data}
        rowKey={(device) => device.id}
        loading={devices.isPending}
        error={devices.isError ? devices.error : undefined}
        onRetry={() => void devices.refetch()}
        empty="No devices yet. Issue a token for your first capture device."
        data-testid="devices-table"
      />
    </Card>
  );
}
