import { type Unit, UNIT_KIND_LABELS } from '@core/org/unit';
import { Badge, Box, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLanguage } from '../../i18n/locale';

/** One unit's name, identifier code, kind and, for a closed unit, when it closed and its successor. */
export function UnitSummary({ unit, successor }: { unit: Unit; successor?: Unit }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <span className="unit-summary">
      <Text component="span" display="block" fw={unit.active ? 600 : 500} c={unit.active ? undefined : 'dimmed'}>
        {unit.name}
      </Text>
      <Box component="span" display="flex" mt={2} style={{ flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
        <Text component="span" size="sm" ff="monospace" translate="no">
          <VisuallyHidden>{t('units.code')}: </VisuallyHidden>
          {unit.code}
        </Text>
        <Badge component="span" variant="light" color="gray" radius="sm" tt="none" fw={500}>
          {UNIT_KIND_LABELS[unit.kind][language]}
        </Badge>
        {!unit.active && (
          <Badge component="span" variant="filled" color="red" radius="sm" tt="none">
            {unit.validTo ? t('units.closed', { date: formatDate(unit.validTo) }) : t('units.closedNoDate')}
          </Badge>
        )}
      </Box>
      {successor && (
        <Text component="span" display="block" size="sm" mt={2}>
          {t('units.mergedInto', { name: successor.name })}
        </Text>
      )}
    </span>
  );
}
