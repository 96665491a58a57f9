import { Button } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../i18n';
import { useLanguage } from '../../i18n/locale';

/**
 * Switches to the other language in one tap, named in that language ("English", "Tiếng Việt") and
 * marked with its `lang`. Two languages need no menu, and the portal's first page stays free of the
 * pop-over code a menu loads (docs/portal.md, Portal web). The choice is kept in localStorage.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const other = useLanguage() === 'vi' ? 'en' : 'vi';
  // The visible text is the accessible name at every width: a shortened label ("EN") would not be
  // part of the name, as WCAG 2.5.3 (label in name) requires for speech input. On a small phone the
  // icon goes instead (Mantine's `visibleFrom` class), leaving the app's name room on one line.
  return (
    <Button
      variant="default"
      size="xs"
      px="xs"
      lang={other}
      leftSection={<IconLanguage size={18} aria-hidden />}
      classNames={{ section: 'mantine-visible-from-xs' }}
      onClick={() => void setLanguage(other)}
    >
      {t(`lang.${other}`)}
    </Button>
  );
}
