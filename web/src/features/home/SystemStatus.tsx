import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';

interface Health {
  status: 'ok';
  database: 'pglite' | 'postgresql';
  version: string;
}

/** The live health answer of the server, shown as a one-line status. */
export function SystemStatus() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: ['public', 'health'],
    queryFn: () => api.get<Health>('/healthz'),
    retry: false,
  });
  if (health.isPending) return null;
  const ok = health.data?.status === 'ok';
  return (
    <Group gap={6} wrap="nowrap">
      <ThemeIcon variant="transparent" color={ok ? 'teal' : 'red'} size="sm" aria-hidden>
        {ok ? <IconCircleCheck size={18} /> : <IconCircleX size={18} />}
      </ThemeIcon>
      <Text size="sm">
        {t('home.status')}: <strong>{ok ? t('home.statusOk') : t('home.statusDown')}</strong>
        {health.data && ` · ${t('home.version', { version: health.data.version })}`}
      </Text>
    </Group>
  );
}
