import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner for sighted users and a polite "loading" status for screen readers. */
export function Loading({ minHeight }: { minHeight?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" mih={minHeight}>
      <Loader aria-hidden />
      <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
    </Center>
  );
}
