// Users and approvals: every account, paged on the server and filtered by
// role, state and a search; approve, reject (with a reason the owner sees) or
// disable. Waiting accounts are what an admin usually comes here for, so the
// list opens on them.
import type { User } from '@zamio/contracts';
import { adminOperationsEndpoints } from '@zamio/api-client';
import {
  Button,
  ConfirmDialog,
  DataTable,
  SelectField,
  StatusBadge,
  TextField,
  formatDateTime,
  notify,
  useApiClient,
  useCursorPages,
  useSession,
  type DataColumn,
} from '@zamio/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RejectAccountDialog } from '../operations/RejectAccountDialog';
import { ACCOUNT_STATUS_OPTIONS, ROLE_OPTIONS, usersQueryKey } from '../operations/admin-queries';

interface Filters {
  role: string;
  status: string;
  search: string;
}

const ROLE_LABEL = Object.fromEntries(ROLE_OPTIONS.map((o) => [o.value, o.label])) as Record<string, string>;

export default function UsersPage() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const { session } = useSession();
  const [role, setRole] = useState('');
  const [status, setStatus] = useState('pending');
  const [search, setSearch] = useState('');
  const table = useCursorPages<User, Filters>({
    queryKey: usersQueryKey,
    filters: { role, status, search: search.trim() },
    limit: 20,
    initialSort: { key: 'createdAt', direction: 'desc' },
    fetchPage: ({ limit, cursor, filters, sort, signal }) =>
      adminOperationsEndpoints.listUsers(
        api,
        {
          limit,
          cursor,
          sort: sort?.key === 'email' ? 'email' : 'createdAt',
          order: sort?.direction ?? 'desc',
          ...(filters.role ? { role: filters.role as User['role'] } : {}),
          ...(filters.status ? { status: filters.status as User['status'] } : {}),
          ...(filters.search ? { search: filters.search } : {}),
        },
        signal,
      ),
  });

  const changed = (user: User, what: string) => {
    notify.success(`${user.displayName} ${what}`, { description: user.email });
    void queryClient.invalidateQueries({ queryKey: usersQueryKey });
  };

  const columns: DataColumn<User>[] = [
    {
      key: 'email',
      header: 'Account',
      sortable: true,
      render: (user) => (
        <div className="zamio-stack-tight">
          <strong>{user.displayName}</strong>
          <span className="zamio-muted zamio-break">{user.email}</span>
        </div>
      ),
    },
    { key: 'role', header: 'Role', render: (user) => ROLE_LABEL[user.role] ?? user.role },
    {
      key: 'status',
      header: 'State',
      render: (user) => (
        <div className="zamio-stack-tight">
          <StatusBadge status={user.status} data-testid="user-status" />
          {user.status === 'rejected' && user.rejectionReason ? (
            <span className="zamio-muted zamio-break" data-testid="user-rejection-reason">
              {user.rejectionReason}
            </span>
          ) : null}
        </div>
      ),
    },
    {
      key: 'createdAt',
      header: 'Signed up',
      sortable: true,
      render: (user) => formatDateTime(user.createdAt),
    },
    {
      key: 'actions',
      header: 'Actions',
      cardLabel: '',
      render: (user) => (
        <div className="zamio-actions">
          {user.status !== 'active' ? (
            <ConfirmDialog
              title={`${user.status === 'disabled' ? 'Enable' : 'Approve'} ${user.displayName}?`}
              description={`${user.email} can sign in to the ${ROLE_LABEL[user.role]?.toLowerCase() ?? user.role} portal from now on.`}
              confirmLabel={user.status === 'disabled' ? 'Enable account' : 'Approve account'}
              data-testid="approve-dialog"
              trigger={
                <Button size="sm" variant="primary" data-testid="user-approve">
                  {user.status === 'disabled' ? 'Enable' : 'Approve'}
                </Button>
              }
              onConfirm={async () =>
                changed(await adminOperationsEndpoints.approveUser(api, user.id), 'can sign in now')
              }
            />
          ) : null}
          {user.status === 'pending' ? (
            <RejectAccountDialog user={user} onRejected={(rejected) => changed(rejected, 'was rejected')} />
          ) : null}
          {user.status === 'active' && user.id !== session.user.id ? (
            <ConfirmDialog
              title={`Disable ${user.displayName}?`}
              description={`${user.email} is signed out everywhere at once and cannot sign in until enabled again.`}
              confirmLabel="Disable account"
              tone="danger"
              data-testid="disable-dialog"
              trigger={
                <Button size="sm" variant="ghost" data-testid="user-disable">
                  Disable
                </Button>
              }
              onConfirm={async () =>
                changed(await adminOperationsEndpoints.disableUser(api, user.id), 'was disabled')
              }
            />
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <>
      <h1>Users and approvals</h1>
      <p className="zamio-muted">
        New station and publisher accounts wait here for an administrator. Approve them, or reject them with a
        reason the owner reads when signing in.
      </p>
      <DataTable
        caption="Accounts"
        columns={columns}
        rowKey={(user) => user.id}
        empty={status === 'pending' ? 'No account is waiting for approval.' : 'No accounts match.'}
        data-testid="users-table"
        toolbar={
          <>
            <TextField
              label="Search e-mail or name"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              data-testid="users-search"
            />
            <SelectField
              label="Role"
              placeholder="All roles"
              value={role}
              onChange={(event) => setRole(event.target.value)}
              options={ROLE_OPTIONS}
              data-testid="users-role"
            />
            <SelectField
              label="State"
              placeholder="All states"
              value={status}
              onChange={(event) => setStatus(event.target.value)}
              options={ACCOUNT_STATUS_OPTIONS}
              data-testid="users-status"
            />
          </>
        }
        {...table.tableProps}
      />
    </>
  );
}
