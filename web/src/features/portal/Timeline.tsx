import { ACTION_LABELS } from '@core/dossier/actions';
import { STATUS_LABELS } from '@core/dossier/status';
import type { TimelineEntry } from '@core/portal/api';
import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { formatWhen } from '../../lib/format';

/** Every status the dossier went through, oldest first, with the dates and what the applicant was told. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {entries.map((entry) => (
        <li key={`${entry.at}-${entry.status}-${entry.action ?? ''}`} style={{ borderLeft: '3px solid var(--mantine-color-blue-9)', paddingLeft: 'var(--mantine-spacing-sm)' }}>
          <Text fw={700}>{STATUS_LABELS[entry.status][language]}</Text>
          <Text size="sm" c="dimmed">
            <time dateTime={entry.at}>{formatWhen(entry.at, language)}</time>
            {entry.action && ` · ${ACTION_LABELS[entry.action][language]}`}
          </Text>
          {entry.note && <Text size="sm">{t('portal.timeline.note', { note: entry.note })}</Text>}
          {entry.items && entry.items.length > 0 && (
            <>
              <Text size="sm">{t('portal.timeline.items')}</Text>
              <List size="sm" withPadding>
                {entry.items.map((item) => (
                  <List.Item key={item}>{item}</List.Item>
                ))}
              </List>
            </>
          )}
          {entry.newDueAt && <Text size="sm">{t('portal.timeline.newDue', { when: formatWhen(entry.newDueAt, language) })}</Text>}
        </li>
      ))}
    </Stack>
  );
}
