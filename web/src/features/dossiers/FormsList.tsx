import { FORM_TITLES, type FormCode } from '@core/dossier/actions';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { type DossierDetail, formUrl } from './queries';

/** "Mẫu 01" from `mau_01`. */
export const formNumber = (form: FormCode) => form.replace('mau_', '');

/** Links to the dossier's printable forms (PDF, rendered on download); `fresh` marks the ones just issued. */
export function FormsList({ dossier, forms, fresh = [] }: { dossier: Pick<DossierDetail, 'code' | 'id'>; forms: readonly FormCode[]; fresh?: readonly FormCode[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (forms.length === 0) return <Text c="dimmed">{t('dossiers.page.noForms')}</Text>;
  return (
    <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {forms.map((form) => (
        <Group component="li" key={form} gap="xs" wrap="nowrap" align="flex-start">
          <IconFileTypePdf size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <div style={{ minWidth: 0 }}>
            <Anchor href={formUrl(dossier, form)} target="_blank" rel="noopener">
              {t('dossiers.page.formLink', { number: formNumber(form), title: FORM_TITLES[form][language] })}
            </Anchor>
            {fresh.includes(form) && (
              <Badge ml="xs" size="sm" variant="light" color="green.9" c="#1b6b34" radius="sm" tt="none">
                {t('dossiers.page.justIssued')}
              </Badge>
            )}
          </div>
        </Group>
      ))}
    </Stack>
  );
}
