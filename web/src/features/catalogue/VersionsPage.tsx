import { Anchor, Badge, Stack, Table } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime, useLanguage } from '../../i18n/locale';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { useProcedureVersions } from './queries';

/** The public version history of a procedure, newest first. */
export function VersionsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const code = useParams().code ?? '';
  const versions = useProcedureVersions(code);
  const current = versions.data?.versions.find((v) => v.version === versions.data?.currentVersion);
  return (
    <Stack gap="md" py={{ base: 'xs', sm: 'md' }}>
      <Anchor component={Link} to={`/thu-tuc/${code}`} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
        {current?.name ?? code}
      </Anchor>
      <PageHeader title={current ? t('catalogue.historyTitle', { name: current.name }) : t('catalogue.history')} />
      {versions.isPending && <Loading />}
      {versions.isError && <QueryError error={versions.error} onRetry={() => void versions.refetch()} />}
      {versions.data && (
        <Table.ScrollContainer minWidth={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('catalogue.history')}</Table.Th>
                <Table.Th scope="col">{t('catalogue.versionDate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.versions.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>
                    {t('catalogue.version', { version: v.version })}{' '}
                    {v.version === versions.data.currentVersion && (
                      <Badge variant="outline" color="#1b6b34" c="#1b6b34" radius="sm" tt="none">
                        {t('catalogue.current')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(v.createdAt, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
