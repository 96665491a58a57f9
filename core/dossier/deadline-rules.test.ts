import { describe, expect, it } from 'vitest';
import { formatInstant } from '../calendar/time';
import { apologyDeadline, supplementDeadline } from './deadline-rules';
import { at, CAL } from './testing';

const iso = (ms: number) => formatInstant(ms);

describe('apologyDeadline', () => {
  it('is the close of the working day before the due date', () => {
    expect(iso(apologyDeadline(CAL, at('2026-03-16T09:15:00+07:00')))).toBe('2026-03-13T17:00:00+07:00');
    expect(iso(apologyDeadline(CAL, at('2026-03-18T17:00:00+07:00')))).toBe('2026-03-17T17:00:00+07:00');
  });

  it('skips days off: due Monday 4 May 2026 (after 30/4, 1/5 and a weekend) means Wednesday 29 April', () => {
    expect(iso(apologyDeadline(CAL, at('2026-05-04T10:00:00+07:00')))).toBe('2026-04-29T17:00:00+07:00');
  });
});

describe('supplementDeadline', () => {
  it('is 3 working days after receipt, counted from the next working period when received after hours', () => {
    expect(iso(supplementDeadline(CAL, at('2026-03-02T09:15:00+07:00')))).toBe('2026-03-05T09:15:00+07:00');
    expect(iso(supplementDeadline(CAL, at('2026-03-06T18:00:00+07:00')))).toBe('2026-03-11T17:00:00+07:00');
  });
});
