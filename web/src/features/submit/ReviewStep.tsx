import { meetsLevel, type PortalMe } from '@core/citizens/api';
import type { DraftView, SubmitResponse } from '@core/portal/api';
import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconSend } from '@tabler/icons-react';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLanguage } from '../../i18n';
import { formatProcessingTime, formatVnd } from '../catalogue/format';
import { ErrorAlert } from '../shell/ErrorAlert';
import { type LiveDraft, problemMessage, type Step, stepOf } from './live';
import { useSubmitDraft } from './queries';
import type { DraftEditor } from './useDraftEditor';

/** A label and its value in a summary. */
function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** A summary block with its "Sửa" link back to the step where it is filled in. */
function Block({ id, title, step, onEdit, children }: { id: string; title: string; step?: Step; onEdit(step: Step): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby={id} padding="md" radius="sm">
      <Group justify="space-between" gap="xs" mb="xs" wrap="nowrap">
        <Title order={3} size="h5" id={id}>
          {title}
        </Title>
        {step && (
          <Anchor
            component={Link}
            to={`?buoc=${step}`}
            size="sm"
            onClick={(event) => {
              event.preventDefault();
              onEdit(step);
            }}
            aria-label={t('submit.review.editLabel', { section: title })}
          >
            {t('submit.review.edit')}
          </Anchor>
        )}
      </Group>
      <Stack component="dl" gap="xs" m={0}>
        {children}
      </Stack>
    </Card>
  );
}

/** Step 4: "Kiểm tra lại thông tin" — everything on one page with edit links, what is still missing, and submit. */
export function ReviewStep({
  view,
  me,
  editor,
  live,
  onEdit,
  onSubmitted,
}: {
  view: DraftView;
  me: PortalMe;
  editor: DraftEditor;
  live: LiveDraft;
  onEdit(step: Step): void;
  onSubmitted(result: SubmitResponse): void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const submit = useSubmitDraft(view.id);
  const [saving, setSaving] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  // Set before anything awaits: a second click in the same instant finds it and does nothing.
  const busy = useRef(false);
  const { data } = editor;
  const { procedure, applicant } = view;
  const organisation = applicant.kind === 'organisation';
  const unit = procedure.receivingUnits.find((u) => u.code === data.receivingUnitCode);
  const allowed = meetsLevel(me.level, procedure.identityLevel);
  const ready = live.complete && allowed && procedure.standing === 'current';
  const pending = saving || submit.isPending;

  async function send() {
    if (busy.current || !ready) return;
    busy.current = true;
    setSaving(true);
    setUnsaved(false);
    try {
      if (!(await editor.flush())) {
        setUnsaved(true);
        return;
      }
      setSaving(false);
      onSubmitted(await submit.mutateAsync());
    } catch {
      // The mutation's error is shown below.
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }

  const problemText = (field: string, code: string) => {
    const message = problemMessage(code, language, t('submit.problems.generic'), { code: procedure.code });
    const item = field.startsWith('components.') ? live.checklist.find((c) => `components.${c.id}` === field) : undefined;
    return item ? `${item.name}: ${message}` : message;
  };

  return (
    <Stack gap="md">
      <Text>{t('submit.review.intro')}</Text>

      <Block id="review-procedure" title={t('submit.review.procedure')} onEdit={onEdit}>
        <Row label={t('submit.review.procedureName')}>
          {procedure.name} ({procedure.code})
        </Row>
        <Row label={t('submit.applicant.receivingUnit')}>{unit?.name ?? '—'}</Row>
        <Row label={t('submit.review.time')}>{formatProcessingTime(t, procedure.processingTime)}</Row>
        {procedure.fees.length > 0 && (
          <Row label={t('submit.review.fees')}>
            {procedure.fees.map((fee) => `${fee.name}: ${fee.amount === null ? (fee.rule ?? '—') : formatVnd(fee.amount)}`).join('; ')}
          </Row>
        )}
      </Block>

      <Block id="review-applicant" title={t('submit.steps.nguoi-nop')} step="nguoi-nop" onEdit={onEdit}>
        <Row label={organisation ? t('submit.applicant.organisationName') : t('submit.applicant.name')}>{applicant.name}</Row>
        <Row label={organisation ? t('submit.applicant.taxCode') : t('submit.applicant.idNumber')}>{applicant.idNumber}</Row>
        {organisation && <Row label={t('submit.applicant.representative')}>{data.contact.representative || '—'}</Row>}
        <Row label={t('submit.applicant.phone')}>{data.contact.phone || '—'}</Row>
        <Row label={t('submit.applicant.email')}>{data.contact.email || '—'}</Row>
        <Row label={t('submit.applicant.address')}>{data.contact.address || '—'}</Row>
      </Block>

      <Block id="review-components" title={t('submit.steps.thanh-phan')} step="thanh-phan" onEdit={onEdit}>
        {live.checklist.map((item) => {
          const files = view.files.filter((f) => f.componentId === item.id).map((f) => f.filename);
          return (
            <Row key={item.id} label={item.name}>
              {files.length > 0 ? files.join(', ') : t(`submit.files.state.${item.state}`)}
            </Row>
          );
        })}
      </Block>

      <Block id="review-return" title={t('submit.steps.nhan-ket-qua')} step="nhan-ket-qua" onEdit={onEdit}>
        <Row label={t('submit.return.label')}>{data.returnMethod ? t(`submit.return.${data.returnMethod}`) : '—'}</Row>
        {data.returnMethod === 'post' && <Row label={t('submit.return.postAddress')}>{data.postAddress || '—'}</Row>}
      </Block>

      {live.problems.length > 0 && (
        <Alert color="red" variant="light" title={t('submit.review.problems')} icon={<IconAlertCircle aria-hidden />}>
          <List size="sm" spacing={4}>
            {live.problems.map((p) => (
              <List.Item key={`${p.field}:${p.code}`}>
                {stepOf(p.field) === 'kiem-tra' ? (
                  problemText(p.field, p.code)
                ) : (
                  <Anchor
                    component={Link}
                    to={`?buoc=${stepOf(p.field)}`}
                    size="sm"
                    onClick={(event) => {
                      event.preventDefault();
                      onEdit(stepOf(p.field));
                    }}
                  >
                    {problemText(p.field, p.code)}
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      <Text size="sm">{t('submit.review.declaration')}</Text>
      <Button size="md" leftSection={<IconSend size={18} aria-hidden />} onClick={() => void send()} disabled={!ready} loading={pending} w={{ base: '100%', xs: 'auto' }}>
        {t('submit.review.submit')}
      </Button>
      <div role="alert">
        {submit.isError && <ErrorAlert title={t('submit.review.failed')} error={submit.error} />}
        {unsaved && (
          <Alert color="red" variant="light">
            <Text size="sm">{t('submit.review.unsaved')}</Text>
          </Alert>
        )}
      </div>
    </Stack>
  );
}
