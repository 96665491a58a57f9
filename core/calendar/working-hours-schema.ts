import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Working periods of a unit's day (local time, UTC+7): 1–4 ordered, non-overlapping `HH:mm` ranges. */
export const workingPeriodsSchema = z
  .array(z.object({ start: hhmm, end: hhmm }))
  .min(1)
  .max(4)
  .superRefine((periods, ctx) => {
    let previousEnd = -1;
    for (const [i, p] of periods.entries()) {
      if (minutes(p.end) <= minutes(p.start) || minutes(p.start) < previousEnd) {
        ctx.addIssue({ code: 'custom', path: [i], message: 'CALENDAR_HOURS_INVALID' });
      }
      previousEnd = minutes(p.end);
    }
  });

export const workingHoursBody = z.object({ periods: workingPeriodsSchema });
