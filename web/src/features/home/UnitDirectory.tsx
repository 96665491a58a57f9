import type { Unit } from '@core/org/unit';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@core/org/unit-kinds';
import { Accordion, Paper, SimpleGrid, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVietnamese, useLanguage } from '../../i18n/locale';
import { matchesQuery } from '../../lib/text';
import { Loading } from '../shell/Loading';
import { QueryError } from '../shell/QueryError';
import { useUnits } from '../units/queries';

/** Units grouped by kind, in the order of the organisation model. */
function groupByKind(units: readonly Unit[]) {
  return UNIT_KINDS.map((kind) => ({
    kind,
    units: units.filter((u) => u.kind === kind).sort((a, b) => compareVietnamese(a.name, b.name)),
  })).filter((group) => group.units.length > 0);
}

/** One kind of unit as a foldable section listing name and identifier code. */
function UnitGroup({ kind, units }: { kind: UnitKind; units: Unit[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Accordion.Item value={kind}>
      <Accordion.Control>
        <Text span fw={700}>
          {UNIT_KIND_LABELS[kind][language]}
        </Text>{' '}
        <Text span c="dimmed" size="sm">
          ({units.length})
        </Text>
      </Accordion.Control>
      <Accordion.Panel>
        <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {units.map((unit) => (
            <Paper component="li" key={unit.id} withBorder p="sm" radius="sm">
              <Text fw={600}>{unit.name}</Text>
              <Text size="sm" ff="monospace" c="dimmed" translate="no">
                <VisuallyHidden>{t('units.code')}: </VisuallyHidden>
                {unit.code}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** The public directory of active agencies and units, searchable with or without diacritics. */
export function UnitDirectory() {
  const { t } = useTranslation();
  const units = useUnits();
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState<string[]>([]);
  const shown = useMemo(
    () => (units.data ?? []).filter((u) => u.active && matchesQuery(query, [u.name, u.shortName ?? '', u.code])),
    [units.data, query],
  );
  // Groups start folded so the page stays short on phones; while searching, every matching group is open.
  const openGroups = query.trim() ? [...UNIT_KINDS] : opened;

  return (
    <Stack component="section" aria-labelledby="directory-title" gap="md">
      <div>
        <Title order={2} id="directory-title">
          {t('home.directoryTitle')}
        </Title>
        <Text c="dimmed" mt={4}>
          {t('home.directoryIntro')}
        </Text>
      </div>
      <TextInput
        label={t('home.directorySearch')}
        description={t('home.directorySearchHint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={480}
      />
      {units.isPending && <Loading />}
      {units.isError && <QueryError error={units.error} onRetry={() => void units.refetch()} />}
      {units.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {shown.length === 0 ? t('common.noResults') : t('home.unitCount', { count: shown.length })}
          </Text>
          <Accordion order={3} multiple variant="separated" value={openGroups} onChange={setOpened}>
            {groupByKind(shown).map((group) => (
              <UnitGroup key={group.kind} kind={group.kind} units={group.units} />
            ))}
          </Accordion>
        </>
      )}
    </Stack>
  );
}
