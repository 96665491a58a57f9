import { STATUS_LABELS, type Status } from '@core/dossier/status';
import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClock, IconClockPause, IconClockX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { TIMING_COLORS, type TimingStatus } from './format';

const TIMING_ICONS = {
  not_started: IconClock,
  on_track: IconClock,
  at_risk: IconAlertTriangle,
  overdue: IconClockX,
  clock_stopped: IconClockPause,
  finished_on_time: IconCircleCheck,
  finished_late: IconClockX,
} as const satisfies Record<TimingStatus, unknown>;

/** Badges here carry words that must be read whole: they wrap instead of being cut with an ellipsis. */
const WRAP = { root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } } as const;

/** The timing of a dossier as an outline badge: colour, icon and words. */
export function TimingBadge({ status }: { status: TimingStatus }) {
  const { t } = useTranslation();
  const Icon = TIMING_ICONS[status];
  const color = TIMING_COLORS[status];
  return (
    <Badge color={color} c={color} variant="outline" radius="sm" tt="none" leftSection={<Icon size={14} aria-hidden />} styles={WRAP}>
      {t(`dossiers.timing.${status}`)}
    </Badge>
  );
}

const FINAL: readonly Status[] = ['not_accepted', 'withdrawn', 'stopped', 'returned'];

/** The status as the national portal names it. */
export function StatusBadge({ status }: { status: Status }) {
  const language = useLanguage();
  const color = status === 'new' ? 'blue.9' : FINAL.includes(status) ? 'gray.8' : status === 'processed' ? '#1b6b34' : 'indigo.9';
  return (
    <Badge color={color} variant="light" c={color} radius="sm" tt="none" styles={WRAP}>
      {STATUS_LABELS[status][language]}
    </Badge>
  );
}
