import { STATUS_LABELS, type Status } from '@core/dossier/status';
import { Badge } from '@mantine/core';
import { useLanguage } from '../../i18n/locale';

const FINAL: readonly Status[] = ['not_accepted', 'withdrawn', 'stopped', 'returned'];
/** Words on a badge are read whole: they wrap on a phone instead of being cut. */
const WRAP = { root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } } as const;

/**
 * Orange for what waits on the applicant. Mantine's darkest orange (orange.9, #d9480f) is only 4.3:1
 * on white and less on a badge's tint; this one is 6:1 on white, 5:1 on the tint.
 */
export const ACTION_COLOR = '#b03d06';

/** A dossier's status as the national portal names it; dark shades keep the text above 4.5:1. */
export function StatusBadge({ status }: { status: Status }) {
  const language = useLanguage();
  const color = status === 'supplement_requested' || status === 'awaiting_fee' ? ACTION_COLOR : FINAL.includes(status) ? 'gray.8' : status === 'processed' ? '#1b6b34' : 'blue.9';
  return (
    <Badge color={color} c={color} variant="light" radius="sm" tt="none" styles={WRAP}>
      {STATUS_LABELS[status][language]}
    </Badge>
  );
}
