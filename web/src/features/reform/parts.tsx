import type { TaskView } from '@core/reform/api';
import { TASK_STATE_LABELS, type TaskState } from '@core/reform/state';
import { Badge, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, useLanguage } from '../../i18n/locale';

/** State colours with at least 4.5:1 contrast on white; the badge always says the state in words. */
const STATE_COLORS: Record<TaskState, string> = {
  not_started: 'gray.8',
  in_progress: 'blue.9',
  completed_on_time: '#1b6b34',
  completed_late: '#a8400a',
  overdue: 'red.9',
  cancelled: 'gray.7',
};
const WRAP = { root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal' } } as const;

/** A task's (or a period's) state as a badge. */
export function StateBadge({ state }: { state: TaskState }) {
  const language = useLanguage();
  return (
    <Badge variant="outline" radius="sm" tt="none" color={STATE_COLORS[state]} c={STATE_COLORS[state]} styles={WRAP}>
      {TASK_STATE_LABELS[state][language]}
    </Badge>
  );
}

/** A deadline rule in words. */
export function useDeadlineText() {
  const { t } = useTranslation();
  return (d: TaskView['deadline']) => {
    if (d.kind === 'date') return t('reform.deadlineKinds.date', { date: formatDate(d.date) });
    if (d.kind === 'working_days') return t('reform.deadlineKinds.working_days', { days: d.days, start: formatDate(d.start) });
    return t(`reform.deadlineKinds.${d.kind}`, { day: d.day, from: formatDate(d.from), to: formatDate(d.to) });
  };
}

/** `2026-Q1`, `2026-03` or nothing for a one-off task. */
export const periodLabel = (period: string) => (period === 'once' ? '' : period);

/** A table that scrolls sideways on a phone; its scroll region is keyboard-focusable and named (WCAG 2.1.1). */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}>
      {children}
    </Table.ScrollContainer>
  );
}
