import type { TaskDetail } from '@core/reform/api';
import { Alert, Anchor, Badge, Button, Card, FileInput, Group, NumberInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconPaperclip } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDate, formatDateTime, useLanguage } from '../../i18n/locale';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { ScrollTable, StateBadge, periodLabel, useDeadlineText } from './parts';
import { useTaskAction } from './queries';
import { useTask } from './queries';
import './register-texts';

type Action = ReturnType<typeof useTaskAction>;

function Outcome({ action }: { action: Action }) {
  const { t } = useTranslation();
  return (
    <div role="status">
      {action.isSuccess && (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
          {t('reform.done')}
        </Alert>
      )}
      {action.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('reform.failed')}>
          {action.error.message}
        </Alert>
      )}
    </div>
  );
}

/** The progress report form: note, progress, evidence files. */
function ReportForm({ action }: { action: Action }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<number | string>('');
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState(false);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setMissing(note.trim() === '');
    if (note.trim() === '') return;
    const form = new FormData();
    form.append('note', note.trim());
    if (progress !== '') form.append('progress', String(progress));
    for (const f of files) form.append('file', f);
    action.mutate({ kind: 'report', form }, { onSuccess: () => { setNote(''); setProgress(''); setFiles([]); } });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea label={t('reform.note')} required autosize minRows={3} maxLength={5000} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={missing ? t('reform.noteRequired') : undefined} />
        <NumberInput label={t('reform.progress')} min={0} max={100} clampBehavior="strict" allowDecimal={false} value={progress} onChange={setProgress} w={160} />
        <FileInput label={t('reform.evidence')} description={t('reform.evidenceHint')} multiple accept="application/pdf,image/jpeg,image/png" value={files} onChange={setFiles} clearable leftSection={<IconPaperclip size={16} aria-hidden />} />
        <Button type="submit" w="fit-content" loading={action.isPending && action.variables?.kind === 'report'}>
          {t('reform.sendReport')}
        </Button>
      </Stack>
    </form>
  );
}

/** Marking completion (lead unit), or accepting / returning it (city Office). */
function Decision({ detail, action }: { detail: TaskDetail; action: Action }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  if (!detail.may.complete && !detail.may.accept) return null;
  const send = (kind: 'complete' | 'accept' | 'return') => {
    if (kind === 'return' && note.trim() === '') return setMissing(true);
    setMissing(false);
    action.mutate({ kind, note: note.trim() }, { onSuccess: () => setNote('') });
  };
  return (
    <Stack gap="sm">
      <Textarea label={detail.may.accept ? t('reform.returnReason') : t('reform.completeNote')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={missing ? t('reform.reasonRequired') : undefined} />
      <Group gap="sm">
        {detail.may.complete && <Button onClick={() => send('complete')}>{t('reform.complete')}</Button>}
        {detail.may.accept && (
          <>
            <Button color="green.9" onClick={() => send('accept')}>
              {t('reform.accept')}
            </Button>
            <Button variant="default" onClick={() => send('return')}>
              {t('reform.return')}
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}

/** `/staff/reform/tasks/:id`: a task, its periods, its reports with evidence, and the actions the caller may take. */
export function TaskPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const task = useTask(id);
  const action = useTaskAction(id);
  const deadlineText = useDeadlineText();
  if (task.isPending) return <Loading />;
  if (task.isError) return <QueryError error={task.error} onRetry={() => void task.refetch()} />;
  const d = task.data;
  const tk = d.task;
  const recurring = tk.occurrences.length > 1 || tk.occurrences[0]?.period !== 'once';
  return (
    <>
      <Anchor component={Link} to={`/staff/reform/plans/${tk.planId}`} size="sm">
        {t('reform.backToPlan', { number: tk.planNumber })}
      </Anchor>
      <PageHeader title={tk.content} />
      <Stack gap="lg">
        <Card withBorder padding="md">
          <Stack gap={6}>
            <Group gap="xs">
              <StateBadge state={tk.state} />
              {tk.cancelReason && <Text size="sm">{t('reform.cancelledBecause', { reason: tk.cancelReason })}</Text>}
            </Group>
            <Text size="sm">
              <b>{t('reform.lead')}:</b> {tk.lead.name}
            </Text>
            {tk.supporting.length > 0 && (
              <Text size="sm">
                <b>{t('reform.supporting')}:</b> {tk.supporting.map((s) => s.name).join('; ')}
              </Text>
            )}
            <Text size="sm">
              <b>{t('reform.deadline')}:</b> {deadlineText(tk.deadline)}
            </Text>
            {tk.expectedOutput && (
              <Text size="sm">
                <b>{t('reform.expectedOutput')}:</b> {tk.expectedOutput}
              </Text>
            )}
            {tk.completionMeasure && (
              <Text size="sm">
                <b>{t('reform.completionMeasure')}:</b> {tk.completionMeasure}
              </Text>
            )}
          </Stack>
        </Card>
        <section aria-labelledby="task-periods">
          <Title order={2} size="h4" id="task-periods" mb="xs">
            {t('reform.occurrences')}
          </Title>
          <ScrollTable label={t('reform.occurrences')} minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  {recurring && <Table.Th scope="col">{t('reform.period')}</Table.Th>}
                  <Table.Th scope="col">{t('reform.due')}</Table.Th>
                  <Table.Th scope="col">{t('reform.state')}</Table.Th>
                  <Table.Th scope="col">{t('reform.completedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tk.occurrences.map((o) => (
                  <Table.Tr key={o.period}>
                    {recurring && <Table.Td>{periodLabel(o.period)}</Table.Td>}
                    <Table.Td>{formatDate(o.due)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <StateBadge state={o.state} />
                        {o.awaitingAcceptance && (
                          <Badge variant="light" color="blue.9" c="blue.9" tt="none" radius="sm">
                            {t('reform.awaitingBadge')}
                          </Badge>
                        )}
                        {o.returned && o.phase === 'open' && (
                          <Badge variant="light" color="red.9" c="red.9" tt="none" radius="sm">
                            {t('reform.returnedBadge')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{o.completedAt ? formatDateTime(o.completedAt, language) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </section>
        {(d.may.report || d.may.complete || d.may.accept) && (
          <Card withBorder padding="md">
            <Stack gap="md">
              <Outcome action={action} />
              {d.may.report && <ReportForm action={action} />}
              <Decision detail={d} action={action} />
            </Stack>
          </Card>
        )}
        <section aria-labelledby="task-history">
          <Title order={2} size="h4" id="task-history" mb="xs">
            {t('reform.history')}
          </Title>
          {d.events.length === 0 ? (
            <Text c="dimmed">{t('reform.historyEmpty')}</Text>
          ) : (
            <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
              {[...d.events].reverse().map((e) => (
                <Card component="li" withBorder padding="sm" key={e.id}>
                  <Text size="sm" fw={600}>
                    {t(`reform.eventKinds.${e.kind}`)} {periodLabel(e.period)} · {e.unit.name} · {formatDateTime(e.at, language)}
                    {e.progress !== null ? ` · ${e.progress}%` : ''}
                  </Text>
                  {e.note && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {e.note}
                    </Text>
                  )}
                  {e.evidence.map((f) => (
                    <Anchor key={f.id} href={`/api/v1/reform/tasks/${tk.id}/evidence/${f.id}`} size="sm" download>
                      <IconPaperclip size={14} aria-hidden /> {f.filename}
                    </Anchor>
                  ))}
                </Card>
              ))}
            </Stack>
          )}
        </section>
      </Stack>
    </>
  );
}
