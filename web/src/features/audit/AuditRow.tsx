import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, useLanguage } from '../../i18n/locale';
import type { AuditEvent } from './queries';

/** A translated label when the code is known, else the code itself (new actions appear before their labels). */
function useLabel(prefix: 'auditActions' | 'auditEntities') {
  const { t, i18n } = useTranslation();
  return (code: string) => {
    const key = `${prefix}.${code}`;
    return i18n.exists(key) ? t(key) : code;
  };
}

/** One audit event; the chain is named by its unit when the unit is known. */
export function AuditRow({ event, unitNames }: { event: AuditEvent; unitNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const actionLabel = useLabel('auditActions');
  const entityLabel = useLabel('auditEntities');
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.occurredAt, language)}</Table.Td>
      <Table.Td>{event.actorName ?? t('audit.system')}</Table.Td>
      <Table.Td>
        {actionLabel(event.action)}
        <Text size="xs" c="dimmed" ff="monospace" translate="no">
          {event.action}
        </Text>
      </Table.Td>
      <Table.Td>
        {entityLabel(event.entityType)}
        {event.entityId && (
          <Text size="xs" c="dimmed" ff="monospace" translate="no" title={event.entityId}>
            {event.entityId.slice(0, 8)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {unitNames.get(event.chainKey) ?? (
          <Text span ff="monospace" translate="no" title={event.chainKey}>
            {event.chainKey.slice(0, 8)}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          #{event.seq}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
