import type { DocumentView } from '@core/warehouse/api';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import './register-texts';

// dark enough on their light backgrounds for WCAG AA (the portal's StatusBadge colours)
const STATUS_COLOR = { valid: '#1b6b34', expired: '#b03d06', superseded: 'gray.8', revoked: '#b03d06' } as const;
const VERIFIED = '#1b6b34';
const UNVERIFIED = '#b03d06';

/** A calendar date `YYYY-MM-DD` as dd/mm/yyyy. */
export const formatDay = (d: string) => d.split('-').reverse().join('/');

/** What a document is, where it stands and where it came from (the card's body, for portal and staff alike). */
export function DocumentFacts({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap={4}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Text fw={700} component="h3" m={0} size="md">
          {doc.typeName[language]}
        </Text>
        <Group gap={6}>
          <Badge color={STATUS_COLOR[doc.status]} c={STATUS_COLOR[doc.status]} variant="light" radius="sm" tt="none">
            {t(`warehouse.status.${doc.status}`)}
          </Badge>
          <Badge color={doc.verified ? VERIFIED : UNVERIFIED} c={doc.verified ? VERIFIED : UNVERIFIED} variant="outline" radius="sm" tt="none">
            {doc.source === 'self_provided' ? t('warehouse.selfProvided') : doc.source === 'e_result' ? t('warehouse.eResult') : doc.verified ? t('warehouse.verified') : t('warehouse.notVerified')}
          </Badge>
        </Group>
      </Group>
      <Text size="sm">
        {t('warehouse.number', { number: doc.number })} · {t('warehouse.issuer', { issuer: doc.issuer })}
      </Text>
      <Text size="sm">
        {t('warehouse.issued', { date: formatDay(doc.issuedOn) })}
        {doc.expiresOn && ` · ${t('warehouse.expires', { date: formatDay(doc.expiresOn) })}`}
      </Text>
      {doc.provenance.unitName && (
        <Text size="sm" c="dimmed">
          {doc.provenance.dossierCode ? t('warehouse.provenance', { code: doc.provenance.dossierCode, unit: doc.provenance.unitName }) : t('warehouse.provenanceUnit', { unit: doc.provenance.unitName })}
        </Text>
      )}
    </Stack>
  );
}
