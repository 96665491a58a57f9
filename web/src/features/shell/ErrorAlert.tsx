import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';

/** A failed action: what failed, the server's localised message and its request id. */
export function ErrorAlert({ title, error }: { title: string; error: Error }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertCircle aria-hidden />}>
      <Text size="sm">{error.message}</Text>
      {error instanceof ApiError && error.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('common.requestId', { id: error.requestId })}
        </Text>
      )}
    </Alert>
  );
}
