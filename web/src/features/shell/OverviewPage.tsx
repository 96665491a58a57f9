import { navigationFor } from '@core/access/navigation';
import { ROLE_LABELS } from '@core/access/roles';
import { Anchor, Badge, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, useLanguage } from '../../i18n/locale';
import { useMe } from '../auth/session';
import { PageHeader } from './PageHeader';

/** The workspace landing page: who I am, my unit, my roles and where I can go. */
export function OverviewPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe().data;
  if (!me) return null;
  const shortcuts = navigationFor(me.permissions).filter((item) => item.key !== 'overview');
  return (
    <>
      <PageHeader title={t('overview.greeting', { name: me.user.fullName })} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder component="section" aria-labelledby="overview-unit">
          <Title order={2} size="h4" id="overview-unit" mb="xs">
            {t('overview.unit')}
          </Title>
          <Text fw={600}>{me.user.unitName}</Text>
          <Text size="sm" c="dimmed">
            {t('overview.unitCode')}: <span translate="no">{me.user.unitCode}</span>
          </Text>
        </Card>
        <Card withBorder component="section" aria-labelledby="overview-account">
          <Title order={2} size="h4" id="overview-account" mb="xs">
            {t('overview.account')}
          </Title>
          <Text>
            {t('overview.username')}: <strong translate="no">{me.user.username}</strong>
          </Text>
          <Text size="sm" c="dimmed">
            {t('overview.sessionExpires', { time: formatDateTime(me.expiresAt, language) })}
          </Text>
        </Card>
        <Card withBorder component="section" aria-labelledby="overview-roles">
          <Title order={2} size="h4" id="overview-roles" mb="xs">
            {t('overview.roles')}
          </Title>
          {me.roles.length === 0 ? (
            <Text c="dimmed">{t('overview.noRoles')}</Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {me.roles.map((role) => (
                <li key={`${role.role}-${role.unitId}`}>
                  <Badge variant="light" size="lg" radius="sm" tt="none" style={{ height: 'auto', whiteSpace: 'normal' }}>
                    {ROLE_LABELS[role.role][language]}
                  </Badge>
                  <Text size="sm" mt={2}>
                    {t('overview.roleScope', { unit: role.unitName })}
                    {role.includeSubtree && ` (${t('overview.includeSubtree')})`}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </Card>
        {shortcuts.length > 0 && (
          <Card withBorder component="section" aria-labelledby="overview-shortcuts">
            <Title order={2} size="h4" id="overview-shortcuts" mb="xs">
              {t('overview.shortcuts')}
            </Title>
            <List spacing={4}>
              {shortcuts.map((item) => (
                <List.Item key={item.key}>
                  <Anchor component={Link} to={item.path}>
                    {t(`nav.${item.key}`)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Card>
        )}
      </SimpleGrid>
    </>
  );
}
