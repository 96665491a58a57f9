import { ROLE_LABELS } from '@core/access/roles';
import { Badge, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { matchesQuery } from '../../lib/text';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { type StaffUser, useUsers } from './queries';

function StatusBadge({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  if (!user.active) return <Badge color="gray" variant="filled" tt="none">{t('users.inactive')}</Badge>;
  if (user.locked) return <Badge color="red" variant="filled" tt="none">{t('users.locked')}</Badge>;
  return <Badge color="teal" variant="filled" tt="none">{t('users.active')}</Badge>;
}

/** Staff accounts with their unit, roles and status; filtered client-side. */
export function UsersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const users = useUsers();
  const [query, setQuery] = useState('');
  const shown = useMemo(
    () => (users.data ?? []).filter((u) => matchesQuery(query, [u.fullName, u.username, u.unitName])),
    [users.data, query],
  );
  return (
    <>
      <PageHeader title={t('users.title')} intro={t('users.intro')} />
      <TextInput
        label={t('users.filter')}
        type="search"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={420}
        mb="md"
      />
      {users.isPending && <Loading />}
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {t('users.count', { shown: shown.length, total: users.data.length })}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Caption>{t('users.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('users.fullName')}</Table.Th>
                  <Table.Th scope="col">{t('users.username')}</Table.Th>
                  <Table.Th scope="col">{t('users.unit')}</Table.Th>
                  <Table.Th scope="col">{t('users.roles')}</Table.Th>
                  <Table.Th scope="col">{t('users.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Th scope="row" fw={600}>
                      {user.fullName}
                    </Table.Th>
                    <Table.Td ff="monospace" translate="no">
                      {user.username}
                    </Table.Td>
                    <Table.Td>{user.unitName}</Table.Td>
                    <Table.Td>
                      {user.roles.map((role) => (
                        <Text key={`${role.role}-${role.unitId}`} size="sm">
                          {ROLE_LABELS[role.role][language]}
                          {role.unitId !== user.unitId && ` — ${role.unitName}`}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge user={user} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </>
  );
}
