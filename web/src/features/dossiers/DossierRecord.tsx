import { ACTION_LABELS } from '@core/dossier/actions';
import { STATUS_LABELS } from '@core/dossier/status';
import { VIOLATION_LABELS, type ViolationKind } from '@core/dossier/violations';
import { Badge, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowRight, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { usePeople, useUnitName } from './directory';
import { formatWhen } from './format';
import type { DossierDetail } from './queries';

/** The history: every action taken, newest last, with who, when, the status change and the note. */
export function History({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const people = usePeople(dossier.people);
  if (dossier.history.length === 0) return <Text c="dimmed">{t('dossiers.page.noHistory')}</Text>;
  return (
    <Stack component="ol" gap={0} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {dossier.history.map((h) => (
        // the history is append-only and one person's two actions never share an instant
        <li key={`${h.at}-${h.action}`} style={{ borderLeft: '3px solid var(--mantine-color-blue-9)', paddingLeft: '0.75rem', paddingBottom: '0.75rem' }}>
          <Text fw={700}>{ACTION_LABELS[h.action][language]}</Text>
          <Text size="sm">
            {formatWhen(h.at, language)} · {people.nameOf(h.actorId)}
          </Text>
          {h.from !== h.to && (
            <Group gap={4} wrap="wrap">
              <Text size="sm">{STATUS_LABELS[h.from][language]}</Text>
              <IconArrowRight size={14} aria-hidden />
              <VisuallyHidden>{t('dossiers.page.becomes')}</VisuallyHidden>
              <Text size="sm">{STATUS_LABELS[h.to][language]}</Text>
            </Group>
          )}
          {h.note && (
            <Text size="sm" fs="italic">
              {h.note}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}

/** The control slip (Mẫu 05) lines: each hand-over, its step's due and whether it was on time. */
export function Handovers({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const people = usePeople(dossier.people);
  const unitName = useUnitName();
  if (dossier.handovers.length === 0) return <Text c="dimmed">{t('dossiers.page.noHandovers')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{t('dossiers.page.handoversCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dossiers.page.handoverAt')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.page.handoverAction')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.page.giver')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.page.receiver')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.page.stepDue')}</Table.Th>
            <Table.Th scope="col">{t('dossiers.page.onTime')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dossier.handovers.map((h) => (
            <Table.Tr key={`${h.at}-${h.action}`}>
              <Table.Td>{formatWhen(h.at, language)}</Table.Td>
              <Table.Td>
                {ACTION_LABELS[h.action][language]}
                {h.step && (
                  <Text size="xs" c="dimmed">
                    {h.step}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{people.nameOf(h.giverId)}</Table.Td>
              <Table.Td>{h.receiverId ? people.nameOf(h.receiverId) : unitName(h.receiverUnit)}</Table.Td>
              <Table.Td>{formatWhen(h.stepDueAt, language)}</Table.Td>
              <Table.Td>
                {h.onTime === null ? (
                  '—'
                ) : (
                  <Badge variant="outline" radius="sm" tt="none" color={h.onTime ? '#1b6b34' : 'red.9'} c={h.onTime ? '#1b6b34' : 'red.9'} style={{ minWidth: 'max-content' }}>
                    {h.onTime ? t('dossiers.page.handoverOnTime') : t('dossiers.page.handoverLate')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The scans kept with the dossier, by component. */
export function Files({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (dossier.files.length === 0) return <Text c="dimmed">{t('dossiers.page.noFiles')}</Text>;
  const nameOf = (id: string) => dossier.checklist.find((c) => c.id === id)?.name ?? t('dossiers.page.component', { id });
  return (
    <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {dossier.files.map((f) => (
        <Group component="li" key={f.id} gap="xs" wrap="nowrap" align="flex-start">
          <IconPaperclip size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <div style={{ minWidth: 0 }}>
            <Text fw={600}>{nameOf(f.componentId)}</Text>
            <Text size="sm">
              {f.filename} · {f.mime} · {t('dossiers.page.kilobytes', { size: Math.max(1, Math.round(f.size / 1024)) })} · {formatWhen(f.uploadedAt, language)}
            </Text>
          </div>
        </Group>
      ))}
    </Stack>
  );
}

/** Violations the dossier reveals, with who answers for them. */
export function Violations({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const people = usePeople(dossier.people);
  const unitName = useUnitName();
  if (dossier.violations.length === 0) return <Text c="dimmed">{t('dossiers.page.noViolations')}</Text>;
  return (
    <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {dossier.violations.map((v) => (
        <li key={v.kind}>
          <Text fw={700} c="red.9">
            {VIOLATION_LABELS[v.kind as ViolationKind]?.[language] ?? v.kind}
          </Text>
          <Text size="sm">
            {formatWhen(v.at, language)} · {unitName(v.unitCode)}
            {v.officerId && ` · ${people.nameOf(v.officerId)}`}
          </Text>
        </li>
      ))}
    </Stack>
  );
}
