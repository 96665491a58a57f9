import { Alert, Anchor, Button, Card, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDate } from '../../i18n/locale';
import { ApiError } from '../../lib/api';
import { can, useMe } from '../auth/session';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { ScrollTable, StateBadge, useDeadlineText } from './parts';
import { useImportTasks, usePlan } from './queries';
import './register-texts';

interface Issue {
  row: number;
  field: string;
  code: string;
  message: string;
}

/** The appendix import: check first (dry run), then import; every row's problem listed, nothing written on any. */
function ImportPanel({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const run = useImportTasks(planId);
  const result = run.data;
  const failed = run.error instanceof ApiError ? run.error : null;
  const issues: Issue[] = result?.issues ?? (failed?.fields as unknown as { field: string; code: string; message: string }[] | undefined)?.map((f) => ({ row: Number(/^row (\d+)/.exec(f.field)?.[1] ?? 0), field: f.field, code: f.code, message: f.message })) ?? [];
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('reform.import')}
        </Title>
        <Text size="sm">{t('reform.importHint')}</Text>
        <FileInput label={t('reform.importFile')} accept=".xlsx,.csv" value={file} onChange={(f) => { setFile(f); run.reset(); }} clearable />
        <Group gap="sm">
          <Button variant="default" disabled={!file} loading={run.isPending && run.variables?.dryRun} onClick={() => file && run.mutate({ file, dryRun: true })}>
            {t('reform.check')}
          </Button>
          <Button disabled={!file} loading={run.isPending && !run.variables?.dryRun} onClick={() => file && run.mutate({ file, dryRun: false })}>
            {t('reform.importNow')}
          </Button>
        </Group>
        <div role="status">
          {result && issues.length === 0 && (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
              {result.dryRun ? t('reform.importOk', { rows: result.rows }) : t('reform.imported', { created: result.created })}
            </Alert>
          )}
          {issues.length > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('reform.importIssues', { count: issues.length })}>
              <List size="sm">
                {issues.map((i) => (
                  <List.Item key={`${i.row}-${i.field}-${i.code}`}>
                    {i.row > 0 ? `${t('reform.row', { row: i.row })}: ` : ''}
                    {i.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {run.isError && !failed?.fields && <QueryError error={run.error} />}
        </div>
      </Stack>
    </Card>
  );
}

/** `/staff/reform/plans/:id`: a plan and its tasks. */
export function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const me = useMe();
  const deadlineText = useDeadlineText();
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  const { plan: p, tasks } = plan.data;
  return (
    <>
      <Anchor component={Link} to="/staff/reform?tab=plans" size="sm">
        {t('reform.backToList')}
      </Anchor>
      <PageHeader title={`${p.number} — ${p.title}`} intro={`${p.issuer.name} · ${t('reform.issuedOn')} ${formatDate(p.issuedOn)}${p.legalBasis ? ` · ${t('reform.legalBasis')}: ${p.legalBasis}` : ''}`} />
      <Stack gap="lg">
        <section aria-labelledby="plan-tasks">
          <Title order={2} size="h4" id="plan-tasks" mb="xs">
            {t('reform.tasks')}
          </Title>
          {tasks.length === 0 ? (
            <Text c="dimmed">{t('reform.tasksEmpty')}</Text>
          ) : (
            <ScrollTable label={t('reform.tasks')} minWidth={720}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('reform.seq')}</Table.Th>
                    <Table.Th scope="col">{t('reform.content')}</Table.Th>
                    <Table.Th scope="col">{t('reform.lead')}</Table.Th>
                    <Table.Th scope="col">{t('reform.deadline')}</Table.Th>
                    <Table.Th scope="col">{t('reform.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tasks.map((task) => (
                    <Table.Tr key={task.id}>
                      <Table.Td>{task.seq}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/staff/reform/tasks/${task.id}`}>
                          {task.content}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{task.lead.name}</Table.Td>
                      <Table.Td>{deadlineText(task.deadline)}</Table.Td>
                      <Table.Td>
                        <StateBadge state={task.state} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </section>
        {can(me.data, 'reform.manage') && <ImportPanel planId={p.id} />}
      </Stack>
    </>
  );
}
