import { Button, Menu, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n';
import { useLanguage } from '../../i18n/locale';

/** Switches between Vietnamese and English; the choice is kept in localStorage and sets `<html lang>`. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" px="xs" leftSection={<IconLanguage size={18} aria-hidden />}>
          <VisuallyHidden>
            {t('lang.label')}: {t(`lang.${language}`)}
          </VisuallyHidden>
          <span aria-hidden>{language.toUpperCase()}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LANGUAGES.map((code) => (
          <Menu.Item
            key={code}
            lang={code}
            onClick={() => void i18n.changeLanguage(code)}
            rightSection={code === language ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={code === language ? 'true' : undefined}
          >
            {t(`lang.${code}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
