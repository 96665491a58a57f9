import type { Permission } from '@core/access/permissions';
import { Alert, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from './session';

/** Shows the page only to holders of the permission; the server enforces the same rule. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (can(me.data, permission)) return children;
  return (
    <>
      <Title order={1} size="h2" mb="md">
        {t('staff.forbiddenTitle')}
      </Title>
      <Alert color="red" variant="light">
        {t('staff.forbiddenText')}
      </Alert>
    </>
  );
}
