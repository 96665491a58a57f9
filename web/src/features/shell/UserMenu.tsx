import type { Me } from '@core/auth/schemas';
import { Avatar, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** Vietnamese names end with the given name: "Nguyễn Văn An" → "NA". */
function initials(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** The signed-in person, their unit, and sign-out. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton
          className="mantine-focus-auto"
          style={{ display: 'flex', alignItems: 'center', gap: 6, padding: 4, borderRadius: 8 }}
        >
          <Avatar color="blue" radius="xl" size={32} aria-hidden>
            {initials(me.user.fullName)}
          </Avatar>
          <Text size="sm" fw={600} visibleFrom="md" aria-hidden>
            {me.user.fullName}
          </Text>
          <IconChevronDown size={14} aria-hidden />
          {/* the name comes from content, not aria-label, so it always contains what is seen (WCAG 2.5.3) */}
          <VisuallyHidden>{t('auth.accountMenu', { name: me.user.fullName })}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={700} c="black">
            {me.user.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {me.user.username} · {me.user.unitName}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => navigate('/logout')}>
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
