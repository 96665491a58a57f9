import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay, CalendarOverrideEntry } from './calendar-model';
import { ErrorAlert } from '../shell/ErrorAlert';
import { useRemoveOverride, useSetOverride } from './queries';
import { useCalendarText } from './useCalendarText';

/** The longest reason the API accepts (core/calendar/schemas.ts `overrideBody`). */
const MAX_REASON = 200;

interface OverrideDialogProps {
  day: CalendarDay | null;
  override: CalendarOverrideEntry | undefined;
  onClose: () => void;
  /** Called with the status message to announce once a change is saved. */
  onDone: (message: string) => void;
}

/** The form inside the dialog; remounted per day so its fields start from that day's state. */
function OverrideForm({ day, override, onClose, onDone }: OverrideDialogProps & { day: CalendarDay }) {
  const { t } = useTranslation();
  const text = useCalendarText();
  const save = useSetOverride();
  const remove = useRemoveOverride();
  // A new adjustment proposes the opposite of today's status: a Saturday becomes a working day.
  const [working, setWorking] = useState(override ? override.working : !day.working);
  const [reason, setReason] = useState(override?.name ?? '');
  const [touched, setTouched] = useState(false);
  const dateLabel = text.longDate(day.date);

  const trimmed = reason.trim();
  const reasonError = !touched
    ? null
    : !trimmed
      ? t('calendar.dialog.reasonRequired')
      : trimmed.length > MAX_REASON
        ? t('calendar.dialog.reasonTooLong', { max: MAX_REASON })
        : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (!trimmed || trimmed.length > MAX_REASON) return;
    remove.reset();
    save.mutate({ date: day.date, working, name: trimmed }, { onSuccess: () => onDone(t('calendar.dialog.saved', { date: dateLabel })) });
  }

  function removeOverride() {
    save.reset();
    remove.mutate(day.date, { onSuccess: () => onDone(t('calendar.dialog.removed', { date: dateLabel })) });
  }

  const error = save.error ?? remove.error;
  const status = day.kind === 'weekend' || !day.name ? text.kindLabel(day.kind) : `${text.kindLabel(day.kind)}: ${day.name}`;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div>
          <Text size="sm">{t('calendar.dialog.current', { status })}</Text>
          {override && (
            <Text size="sm" c="dimmed">
              {t('calendar.dialog.hasOverride')}
            </Text>
          )}
        </div>
        {error && (
          <div role="alert">
            <ErrorAlert title={t('calendar.dialog.failed')} error={error} />
          </div>
        )}
        <Radio.Group label={t('calendar.dialog.status')} value={working ? 'working' : 'off'} onChange={(value) => setWorking(value === 'working')} required>
          <Group gap="lg" mt={6}>
            <Radio value="working" label={t('calendar.dialog.working')} />
            <Radio value="off" label={t('calendar.dialog.off')} />
          </Group>
        </Radio.Group>
        <TextInput
          label={t('calendar.dialog.reason')}
          description={t('calendar.dialog.reasonHint')}
          required
          maxLength={MAX_REASON + 50}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          onBlur={() => setTouched(true)}
          error={reasonError}
          data-autofocus
        />
        <Group justify="space-between" gap="sm">
          {override ? (
            <Button variant="outline" color="red.8" onClick={removeOverride} loading={remove.isPending} disabled={save.isPending}>
              {t('calendar.dialog.remove')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('calendar.dialog.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={remove.isPending}>
              {t('calendar.dialog.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** The administrator's dialog to set, change or remove the official status of one day. */
export function OverrideDialog(props: OverrideDialogProps) {
  const { t } = useTranslation();
  const text = useCalendarText();
  const { day, onClose } = props;
  return (
    <Modal
      opened={day !== null}
      onClose={onClose}
      title={day ? t('calendar.dialog.title', { date: text.longDate(day.date) }) : ''}
      closeButtonProps={{ 'aria-label': t('calendar.dialog.cancel') }}
      size="md"
    >
      {day && <OverrideForm key={day.date} {...props} day={day} />}
    </Modal>
  );
}
