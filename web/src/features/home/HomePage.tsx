import { Button, Card, Divider, List, rem, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowRight, IconCircleCheck, IconFileSearch, IconLogin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../auth/session';
import { SystemStatus } from './SystemStatus';
import { UnitDirectory } from './UnitDirectory';

const PURPOSES = ['purpose1', 'purpose2', 'purpose3', 'purpose4'] as const;

/** The public home page: what the system is, who uses it, the unit directory and staff sign-in. */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('app.shortName')} · ${t('app.owner')}`);
  const me = useMe().data;
  return (
    <Stack gap="xl" py={{ base: 'xs', sm: 'md' }}>
      <Stack gap="xs">
        <Text c="blue.9" fw={700} tt="uppercase" size="sm">
          {t('app.owner')}
        </Text>
        <Title order={1} fz={{ base: rem(26), sm: rem(34) }} maw={860}>
          {t('home.title')}
        </Title>
        <Text size="lg" maw={860}>
          {t('home.lead')}
        </Text>
      </Stack>
      <Card withBorder component="section" aria-labelledby="catalogue-title" bg="blue.0">
        <Title order={2} size="h3" id="catalogue-title" mb="xs">
          {t('catalogue.homeTitle')}
        </Title>
        <Text mb="md">{t('catalogue.homeText')}</Text>
        <Button component={Link} to="/thu-tuc" leftSection={<IconFileSearch size={18} aria-hidden />} w="fit-content">
          {t('catalogue.homeLink')}
        </Button>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder component="section" aria-labelledby="purpose-title">
          <Title order={2} size="h3" id="purpose-title" mb="sm">
            {t('home.purposeTitle')}
          </Title>
          <List spacing="xs" icon={<IconCircleCheck size={20} color="var(--mantine-color-blue-9)" aria-hidden />}>
            {PURPOSES.map((key) => (
              <List.Item key={key}>{t(`home.${key}`)}</List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder component="section" aria-labelledby="staff-title" bg="blue.0">
          <Title order={2} size="h3" id="staff-title" mb="sm">
            {t('home.staffTitle')}
          </Title>
          <Text mb="md">{t('home.staffText')}</Text>
          {me ? (
            <Button component={Link} to="/staff" rightSection={<IconArrowRight size={18} aria-hidden />} w="fit-content">
              {t('home.goToWorkspace')}
            </Button>
          ) : (
            <Button component={Link} to="/login" leftSection={<IconLogin size={18} aria-hidden />} w="fit-content">
              {t('home.staffLogin')}
            </Button>
          )}
        </Card>
      </SimpleGrid>
      <Divider />
      <UnitDirectory />
      <Divider />
      <SystemStatus />
    </Stack>
  );
}
