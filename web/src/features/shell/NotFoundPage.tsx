import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from './PageHeader';

/** Any address the client does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('staff.notFoundTitle')} intro={t('staff.notFoundText')} />
      <Text>
        <Anchor component={Link} to="/">
          {t('common.backHome')}
        </Anchor>
      </Text>
    </>
  );
}
