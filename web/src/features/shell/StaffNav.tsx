import { navigationFor, navigationKeyOf } from '@core/access/navigation';
import type { Me } from '@core/auth/schemas';
import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconBooks,
  IconCalendar,
  IconChartLine,
  IconClipboardCheck,
  IconFileImport,
  IconFilePlus,
  IconFolders,
  IconLayoutDashboard,
  IconListCheck,
  IconMessageReport,
  IconPoint,
  IconReportAnalytics,
  IconSitemap,
  IconUserShield,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';

const ICONS: Record<string, typeof IconPoint> = {
  overview: IconLayoutDashboard,
  dossiers: IconFolders,
  intake: IconFilePlus,
  feedback: IconMessageReport,
  index: IconChartLine,
  reform: IconReportAnalytics,
  accountability: IconUserShield,
  legacyImport: IconFileImport,
  organisation: IconSitemap,
  calendar: IconCalendar,
  catalogue: IconBooks,
  publication: IconClipboardCheck,
  users: IconUsers,
  audit: IconListCheck,
};

/** The staff menu: exactly the entries the person's permissions allow, from the shared table. */
export function StaffNav({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = navigationKeyOf(pathname);
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" hiddenFrom="sm" px="sm" pb="xs">
        {t('a11y.currentUnit')}: {me.user.unitName}
      </Text>
      {navigationFor(me.permissions).map((item) => {
        const Icon = ICONS[item.key] ?? IconPoint;
        const active = item.key === current;
        return (
          <NavLink
            key={item.key}
            component={Link}
            to={item.path}
            label={t(`nav.${item.key}`)}
            leftSection={<Icon size={18} aria-hidden />}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
            fw={active ? 700 : 500}
          />
        );
      })}
    </Stack>
  );
}
