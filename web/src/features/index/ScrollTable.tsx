import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A wide table that scrolls sideways inside the page on a phone. The scrolling box takes the
 * keyboard focus (arrow keys scroll it) and is named, so keyboard users reach what is off-screen.
 */
export function ScrollTable({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('indexPublic.scrollTable', { name: label }) } }}>
      {children}
    </Table.ScrollContainer>
  );
}
