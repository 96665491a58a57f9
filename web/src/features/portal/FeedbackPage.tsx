import { FEEDBACK_KIND_LABELS, FEEDBACK_KINDS, FEEDBACK_STATE_LABELS, type FeedbackKind } from '@core/feedback/feedback';
import type { FeedbackView } from '@core/feedback/api';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '@core/org/unit-kinds';
import { Alert, Badge, Button, Group, InputBase, NativeSelect, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconSend } from '@tabler/icons-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { compareVietnamese, useLanguage } from '../../i18n/locale';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { useUnits } from '../units/queries';
import { formatWhen } from '../../lib/format';
import { useMyDossiers, useMyFeedback, useSendFeedback } from './queries';
import './register-texts';

/** Options of the unit picker: active units grouped by kind, in Vietnamese order. */
function useUnitOptions() {
  const units = useUnits();
  const language = useLanguage();
  return useMemo(
    () =>
      UNIT_KINDS.map((kind) => ({
        group: UNIT_KIND_LABELS[kind][language],
        items: (units.data ?? [])
          .filter((u) => u.kind === kind && u.active)
          .sort((a, b) => compareVietnamese(a.name, b.name))
          .map((u) => ({ value: u.code, label: u.name })),
      })).filter((g) => g.items.length > 0),
    [units.data, language],
  );
}

/** The form: a complaint or a proposal, about one of the person's dossiers or to a chosen unit. */
function FeedbackForm() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params] = useSearchParams();
  const dossiers = useMyDossiers('all', 0);
  const unitOptions = useUnitOptions();
  const send = useSendFeedback();
  const [kind, setKind] = useState<FeedbackKind>('phan_anh');
  const [dossierCode, setDossierCode] = useState(params.get('hoSo') ?? '');
  const [unitCode, setUnitCode] = useState('');
  const [subject, setSubject] = useState('');
  const [content, setContent] = useState('');
  const [touched, setTouched] = useState(false);

  const errors = {
    unit: touched && !dossierCode && !unitCode ? t('portal.feedback.unitRequired') : undefined,
    subject: touched && !subject.trim() ? t('portal.feedback.subjectRequired') : undefined,
    content: touched && !content.trim() ? t('portal.feedback.contentRequired') : undefined,
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if ((!dossierCode && !unitCode) || !subject.trim() || !content.trim()) return;
    send.mutate(
      { kind, subject: subject.trim(), content: content.trim(), ...(dossierCode ? { dossierCode } : { unitCode }) },
      {
        onSuccess: () => {
          setSubject('');
          setContent('');
          setTouched(false);
        },
      },
    );
  }

  const dossierOptions = [
    { value: '', label: t('portal.feedback.noDossier') },
    ...(dossiers.data?.items ?? []).map((d) => ({ value: d.code, label: `${d.code} – ${d.procedureName}` })),
  ];
  // A dossier named in the address but not (yet) in the first page of the list is still offered.
  if (dossierCode && !dossierOptions.some((o) => o.value === dossierCode)) dossierOptions.push({ value: dossierCode, label: dossierCode });

  return (
    <Paper component="section" withBorder radius="md" aria-labelledby="feedback-form-title" p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="feedback-form-title">
            {t('portal.feedback.formTitle')}
          </Title>
          <Radio.Group label={t('portal.feedback.kind')} value={kind} onChange={(value) => setKind(value as FeedbackKind)} required>
            <Group gap="md" mt={6}>
              {FEEDBACK_KINDS.map((k) => (
                <Radio key={k} value={k} label={FEEDBACK_KIND_LABELS[k][language]} />
              ))}
            </Group>
          </Radio.Group>
          <NativeSelect label={t('portal.feedback.dossier')} description={t('portal.feedback.dossierHint')} value={dossierCode} onChange={(e) => setDossierCode(e.currentTarget.value)} data={dossierOptions} />
          {!dossierCode && (
            <NativeSelect
              label={t('portal.feedback.unit')}
              value={unitCode}
              onChange={(e) => setUnitCode(e.currentTarget.value)}
              data={[{ value: '', label: t('portal.feedback.chooseUnit') }, ...unitOptions]}
              error={errors.unit}
              required
            />
          )}
          <TextInput label={t('portal.feedback.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} maxLength={200} error={errors.subject} required />
          <InputBase component="textarea" label={t('portal.feedback.content')} value={content} onChange={(e) => setContent(e.currentTarget.value)} maxLength={5000} rows={5} error={errors.content} required />
          {send.error && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('portal.feedback.failed')}>
              {send.error.message}
            </Alert>
          )}
          {send.isSuccess && (
            <Alert role="status" color="green.9" variant="light" icon={<IconCircleCheck aria-hidden />}>
              {t('portal.feedback.sent', { unit: send.data.feedback.unitName, when: formatWhen(send.data.feedback.dueAt, language) })}
            </Alert>
          )}
          <Button type="submit" loading={send.isPending} leftSection={<IconSend size={18} aria-hidden />} w="fit-content">
            {t('portal.feedback.send')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** One feedback sent, with the unit's answer once given. */
function FeedbackItem({ item }: { item: FeedbackView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answered = item.state === 'answered' || item.state === 'answered_late';
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text fw={700}>{item.subject}</Text>
          <Badge color={answered ? 'green.9' : item.state === 'overdue' ? 'red.9' : 'blue.9'} c={answered ? 'green.9' : item.state === 'overdue' ? 'red.9' : 'blue.9'} variant="light" radius="sm" tt="none">
            {FEEDBACK_STATE_LABELS[item.state][language]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {FEEDBACK_KIND_LABELS[item.kind][language]} · {item.unitName}
          {item.dossierCode && ` · ${item.dossierCode}`}
        </Text>
        <Text size="sm">{item.content}</Text>
        <Text size="xs" c="dimmed">
          {t('portal.feedback.dates', { sent: formatWhen(item.submittedAt, language), due: formatWhen(item.dueAt, language) })}
        </Text>
        {item.answer && (
          <Text size="sm" p="xs" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
            <strong>{t('portal.feedback.answer', { when: formatWhen(item.answeredAt, language) })}</strong> {item.answer}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Complaints and proposals (phản ánh, kiến nghị): sending one, and the ones sent with their answers. */
export function FeedbackPage() {
  const { t } = useTranslation();
  const list = useMyFeedback();
  return (
    <>
      <PageHeader title={t('portal.feedback.title')} intro={t('portal.feedback.intro')} />
      <Stack gap="md">
        <FeedbackForm />
        <section aria-labelledby="feedback-list-title">
          <Title order={2} size="h4" id="feedback-list-title" mb="xs">
            {t('portal.feedback.listTitle')}
          </Title>
          {list.isPending ? (
            <Loading />
          ) : list.error ? (
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          ) : list.data.length === 0 ? (
            <Text c="dimmed">{t('portal.feedback.empty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {list.data.map((item) => (
                <FeedbackItem key={item.id} item={item} />
              ))}
            </Stack>
          )}
        </section>
      </Stack>
    </>
  );
}
