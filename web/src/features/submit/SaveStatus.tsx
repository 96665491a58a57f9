import { Button, Group, Text } from '@mantine/core';
import { IconAlertCircle, IconCloudCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { SaveState } from './useDraftEditor';

/** hh:mm in Hải Phòng time, whatever the device's zone. */
export function clockTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

/** "Đã lưu lúc hh:mm", "Đang lưu…", or why saving failed with a retry; announced politely. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} role="status" wrap="wrap" miw={0}>
      {state.kind === 'saved' && (
        <>
          <IconCloudCheck size={18} color="var(--mantine-color-green-9)" aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm">{t('submit.save.savedAt', { time: clockTime(state.at) })}</Text>
        </>
      )}
      {(state.kind === 'pending' || state.kind === 'saving') && (
        <Text size="sm" c="dimmed">
          {t('submit.save.saving')}
        </Text>
      )}
      {state.kind === 'error' && (
        <>
          <IconAlertCircle size={18} color="var(--mantine-color-red-9)" aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm" c="red.9">
            {t('submit.save.failed', { message: state.error.message })}
          </Text>
          <Button size="compact-sm" variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </>
      )}
    </Group>
  );
}
