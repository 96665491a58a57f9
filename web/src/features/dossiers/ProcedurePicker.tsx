import { type ProcedureSummary, searchResponse } from '@core/catalogue/api';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';

const optionLabel = (p: Pick<ProcedureSummary, 'code' | 'name'>) => `${p.name} (${p.code})`;

interface ProcedurePickerProps {
  label: string;
  description?: string;
  value: ProcedureSummary | null;
  onChange: (procedure: ProcedureSummary | null) => void;
  /** Only procedures this unit takes part in (receives, carries out or answers for). */
  unitCode?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  autoFocus?: boolean;
}

/**
 * Picks a procedure through the public catalogue search (words with or without diacritics): type,
 * then arrows and Enter. The server ranks the hits, so the list is shown as it comes.
 */
export function ProcedurePicker({ label, description, value, onChange, unitCode, error, required, autoFocus }: ProcedurePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  // the picked option's label is shown in the box: that is not a new search
  const words = value && debounced === optionLabel(value) ? '' : debounced;
  const results = useQuery({
    queryKey: ['public', 'catalogue', 'pick', words, unitCode ?? ''],
    queryFn: () => {
      const params = new URLSearchParams({ limit: '20' });
      if (words) params.set('q', words);
      if (unitCode) params.set('unit', unitCode);
      return api.get(`/api/v1/procedures?${params}`, searchResponse);
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const items = results.data?.items ?? [];
  const shown = value && !items.some((p) => p.code === value.code) ? [value, ...items] : items;

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('dossiers.intake.procedurePlaceholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      searchable
      clearable
      required={required}
      autoFocus={autoFocus}
      searchValue={search}
      onSearchChange={setSearch}
      // the server already matched the words (typos, no diacritics): keep its answer as it is
      filter={({ options }) => options}
      data={shown.map((p) => ({ value: p.code, label: optionLabel(p) }))}
      value={value?.code ?? null}
      onChange={(code) => onChange(shown.find((p) => p.code === code) ?? null)}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.noResults')}
      error={error}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
