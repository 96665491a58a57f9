import { FEEDBACK_FILTERS, type FeedbackFilter, type StaffFeedbackView } from '@core/feedback/api';
import { FEEDBACK_KIND_LABELS, FEEDBACK_STATE_LABELS, type FeedbackState } from '@core/feedback/feedback';
import { Alert, Anchor, Badge, Button, Card, Group, Modal, Pagination, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';
import { formatWhen } from '../dossiers/format';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { FEEDBACK_PAGE_SIZE, useAnswerFeedback, useFeedbackList } from './queries';

/** State colours with at least 4.5:1 contrast on white; the badge always says the state in words. */
const STATE_COLORS: Record<FeedbackState, string> = { open: 'blue.9', overdue: 'red.9', answered: '#1b6b34', answered_late: '#a8400a' };
const WRAP = { root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal' } } as const;

/** The answer dialog's form. */
function AnswerForm({ feedback, onDone, onCancel }: { feedback: StaffFeedbackView; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const answer = useAnswerFeedback();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const empty = text.trim() === '';
    setMissing(empty);
    if (!empty) answer.mutate({ id: feedback.id, answer: text.trim() }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {feedback.subject}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {feedback.content}
        </Text>
        <Textarea label={t('staffFeedback.answerLabel')} required autosize minRows={4} maxLength={5000} value={text} onChange={(e) => setText(e.currentTarget.value)} error={missing ? t('staffFeedback.answerRequired') : undefined} data-autofocus />
        <div role="alert">
          {answer.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('staffFeedback.answerFailed')}>
              {answer.error.message}
            </Alert>
          )}
        </div>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('staffFeedback.cancel')}
          </Button>
          <Button type="submit" loading={answer.isPending}>
            {t('staffFeedback.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One feedback as a card: what, from whom, for which dossier, when due, and the answer once given. */
function FeedbackCard({ item, onAnswer }: { item: StaffFeedbackView; onAnswer: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answered = item.answer !== null;
  return (
    <Card withBorder component="li" padding="md">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" radius="sm" tt="none" color="indigo.9" c="indigo.9" styles={WRAP}>
            {FEEDBACK_KIND_LABELS[item.kind][language]}
          </Badge>
          <Badge variant="outline" radius="sm" tt="none" color={STATE_COLORS[item.state]} c={STATE_COLORS[item.state]} styles={WRAP}>
            {FEEDBACK_STATE_LABELS[item.state][language]}
          </Badge>
        </Group>
        <Title order={2} size="h5" style={{ overflowWrap: 'anywhere' }}>
          {item.subject}
        </Title>
        <Text size="sm">
          {t('staffFeedback.from', { name: item.applicantName })} · {item.unitName}
        </Text>
        {item.dossierCode && (
          <Text size="sm">
            {t('staffFeedback.dossier')}:{' '}
            <Anchor component={Link} to={`/staff/dossiers/${encodeURIComponent(item.dossierCode)}`} translate="no">
              {item.dossierCode}
            </Anchor>
          </Text>
        )}
        <Text size="sm">{t('staffFeedback.dates', { submitted: formatWhen(item.submittedAt, language), due: formatWhen(item.dueAt, language) })}</Text>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.content}</Text>
        {answered ? (
          <Card bg="gray.0" padding="sm" radius="sm">
            <Text size="sm" fw={600}>
              {t('staffFeedback.answeredBy', { name: item.answeredByName ?? '—', at: formatWhen(item.answeredAt, language) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {item.answer}
            </Text>
          </Card>
        ) : (
          <Button onClick={onAnswer} w="fit-content" aria-label={t('staffFeedback.answerFor', { subject: item.subject })}>
            {t('staffFeedback.answer')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

/** `/staff/feedback`: the feedback (phản ánh, kiến nghị) that reached the person's units, with the answer dialog. */
export function FeedbackPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = (FEEDBACK_FILTERS as readonly string[]).includes(params.get('state') ?? '') ? (params.get('state') as FeedbackFilter) : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useFeedbackList(state, page);
  const [answering, setAnswering] = useState<StaffFeedbackView | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  useEffect(() => {
    if (answered) notice.current?.focus();
  }, [answered]);

  const choose = (next: string) => setParams(next === 'open' ? {} : { state: next });
  const pages = list.data ? Math.ceil(list.data.total / FEEDBACK_PAGE_SIZE) : 0;

  return (
    <>
      <PageHeader title={t('staffFeedback.title')} intro={t('staffFeedback.intro')} />
      <Stack gap="md">
        <Radio.Group label={t('staffFeedback.filter')} value={state} onChange={choose}>
          <Group gap="md" mt={6} wrap="wrap">
            {FEEDBACK_FILTERS.map((f) => (
              <Radio key={f} value={f} label={t(`staffFeedback.filters.${f}`)} />
            ))}
          </Group>
        </Radio.Group>
        <div ref={notice} tabIndex={-1} role="status">
          {answered && (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} withCloseButton closeButtonLabel={t('staffFeedback.cancel')} onClose={() => setAnswered(null)}>
              {t('staffFeedback.done', { subject: answered })}
            </Alert>
          )}
        </div>
        {list.data && list.data.overdue > 0 && (
          <Alert color="red.9" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            <Anchor component={Link} to="?state=overdue" c="red.9" fw={600}>
              {t('staffFeedback.overdueCount', { count: list.data.overdue })}
            </Anchor>
          </Alert>
        )}
        {list.isPending && <Loading />}
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('staffFeedback.empty')}</Text>}
        {list.data && list.data.items.length > 0 && (
          <Stack component="ul" gap="sm" aria-label={t('staffFeedback.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {list.data.items.map((item) => (
              <FeedbackCard key={item.id} item={item} onAnswer={() => setAnswering(item)} />
            ))}
          </Stack>
        )}
        {pages > 1 && (
          <Pagination
            total={pages}
            value={page}
            onChange={(p) => setParams(state === 'open' ? { page: String(p) } : { state, page: String(p) })}
            getControlProps={(control) => ({ 'aria-label': control === 'next' ? t('staffFeedback.next') : t('staffFeedback.previous') })}
            getItemProps={(p) => ({ 'aria-label': t('staffFeedback.page', { page: p }) })}
          />
        )}
      </Stack>
      <Modal opened={answering !== null} onClose={() => setAnswering(null)} title={t('staffFeedback.answerTitle')} closeButtonProps={{ 'aria-label': t('staffFeedback.cancel') }} fullScreen={phone} size="lg">
        {answering && (
          <AnswerForm
            feedback={answering}
            onCancel={() => setAnswering(null)}
            onDone={() => {
              setAnswered(answering.subject);
              setAnswering(null);
            }}
          />
        )}
      </Modal>
    </>
  );
}
