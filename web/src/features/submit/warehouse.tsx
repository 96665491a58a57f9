import type { ChecklistItem } from '@core/portal/api';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMyDocuments } from '../warehouse/queries';

/**
 * The only-once principle in the wizard (docs/warehouse.md): documents the person already holds in
 * the electronic data warehouse, of the type the component asks for, valid and verified, offered
 * instead of a new upload. The choice is kept on the draft (`data.reuse`); the submission checks
 * it again and links the document to the dossier (a link, never a copy).
 */
export function WarehouseOffers({ item, chosen, onChoose }: { item: ChecklistItem; chosen: string | null; onChoose(documentId: string | null): void }) {
  const { t, i18n } = useTranslation();
  const wanted = item.documentType ?? null;
  const docs = useMyDocuments();
  if (!wanted || !docs.data) return null;
  const offers = docs.data.documents.filter((d) => d.typeCode === wanted && d.status === 'valid' && d.verified);
  if (offers.length === 0) return null;
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('submit.files.warehouse.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('submit.files.warehouse.hint')}
        </Text>
        {offers.map((d) => (
          <Group key={d.id} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Text size="sm" fw={500}>
                {d.typeName[lang]}
              </Text>
              <Text size="sm">{t('submit.files.warehouse.detail', { number: d.number, issuer: d.issuer, issuedOn: d.issuedOn })}</Text>
              {d.expiresOn && <Text size="sm">{t('submit.files.warehouse.expires', { date: d.expiresOn })}</Text>}
            </Stack>
            {chosen === d.id ? (
              <Group gap="xs">
                <Badge color="green" variant="light">
                  {t('submit.files.warehouse.chosen')}
                </Badge>
                <Button size="compact-sm" variant="default" onClick={() => onChoose(null)}>
                  {t('submit.files.warehouse.drop')}
                </Button>
              </Group>
            ) : (
              <Button size="compact-sm" variant="light" onClick={() => onChoose(d.id)} aria-label={t('submit.files.warehouse.useLabel', { name: d.typeName[lang], number: d.number })}>
                {t('submit.files.warehouse.use')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
