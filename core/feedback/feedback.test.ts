import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../calendar/time';
import { WorkingCalendar } from '../calendar/working-calendar';
import { newDossier } from '../dossier/dossier';
import { feedbackBody, ratingBody } from './api';
import { CRITERIA, CRITERION_LABELS, type Scores, isDisliked, meanScore } from './criteria';
import { feedbackDueAt, feedbackState } from './feedback';
import { ratingOpen } from './rating';
import { mayUploadResult, resultDownloadable, resultUploadOpen } from './results';

const calendar = new WorkingCalendar();
const at = (iso: string) => parseInstant(iso);
const all = (score: 0 | 1 | 2): Scores => Object.fromEntries(CRITERIA.map((c) => [c, score])) as Scores;

describe('feedback deadline', () => {
  it('counts working days on the legal clock: weekends, 30/4–1/5 and the Hùng Kings’ compensatory day are skipped', () => {
    // Tue 28/4/2026 09:00; Thu 30/4 and Fri 1/5 are holidays; Hùng Kings' day (Sun 26/4) is paid on Mon 27/4
    expect(formatInstant(feedbackDueAt(calendar, at('2026-04-28T09:00:00+07:00'), 10))).toBe('2026-05-14T09:00:00+07:00');
    // sent on a Saturday: counting starts on the next working day (Tue 28/4, after the compensatory Monday)
    expect(formatInstant(feedbackDueAt(calendar, at('2026-04-25T10:00:00+07:00'), 1))).toBe('2026-04-28T17:00:00+07:00');
  });

  it('follows the calendar’s official overrides (a swapped working Saturday counts)', () => {
    const swapped = new WorkingCalendar({ overrides: [{ date: '2026-05-09', working: true, name: 'Làm bù' }] });
    expect(formatInstant(feedbackDueAt(swapped, at('2026-04-28T09:00:00+07:00'), 10))).toBe('2026-05-13T09:00:00+07:00');
  });

  it('is open, overdue, answered or answered late', () => {
    const dueAt = at('2026-05-14T09:00:00+07:00');
    expect(feedbackState({ dueAt, answeredAt: null }, dueAt)).toBe('open');
    expect(feedbackState({ dueAt, answeredAt: null }, dueAt + 1)).toBe('overdue');
    expect(feedbackState({ dueAt, answeredAt: dueAt }, dueAt + 10)).toBe('answered');
    expect(feedbackState({ dueAt, answeredAt: dueAt + 1 }, dueAt + 10)).toBe('answered_late');
  });
});

describe('the satisfaction evaluation', () => {
  it('has the nine criteria of Decree 61 art. 31, each labelled in both languages', () => {
    expect(CRITERIA).toHaveLength(9);
    for (const c of CRITERIA) expect(CRITERION_LABELS[c].vi.length * CRITERION_LABELS[c].en.length).toBeGreaterThan(0);
  });

  it('accepts exactly one score of 2, 1 or 0 per criterion', () => {
    expect(ratingBody.safeParse({ scores: all(2) }).success).toBe(true);
    expect(ratingBody.safeParse({ scores: all(0), comment: 'Chậm' }).success).toBe(true);
    const bad = [{ ...all(2), attitude: 3 }, { ...all(2), attitude: -1 }, { ...all(2), attitude: 1.5 }, { ...all(2), attitude: '2' }, { ...all(2), extra: 2 }, Object.fromEntries(CRITERIA.slice(1).map((c) => [c, 2]))];
    for (const scores of bad) {
      const parsed = ratingBody.safeParse({ scores });
      expect(parsed.success, JSON.stringify(scores)).toBe(false);
      expect(parsed.error?.issues.every((i) => i.message === 'RATING_SCORE_INVALID'), JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });

  it('counts a dossier disliked when any criterion got 0, and means to one decimal', () => {
    expect(isDisliked(all(2))).toBe(false);
    expect(isDisliked({ ...all(2), other: 0 })).toBe(true);
    expect(meanScore([2, 1, 1])).toBe(1.3);
    expect(meanScore([])).toBeNull();
  });

  it('opens only once the result is returned', () => {
    const d = newDossier({ unitCode: '000.00.30.H26', channel: 'online', returnMethod: 'online', submittedAt: 0 });
    expect(ratingOpen(d)).toBe(false);
    expect(ratingOpen({ ...d, status: 'processed' })).toBe(false);
    expect(ratingOpen({ ...d, status: 'returned' })).toBe(true);
  });
});

describe('result documents', () => {
  const d = newDossier({ unitCode: '000.00.30.H26', channel: 'online', returnMethod: 'online', submittedAt: 0 });
  const result = { issuedAt: 1, number: null, eResult: true };

  it('are uploaded by those who issue the result, from approval until the return', () => {
    expect(mayUploadResult(['specialist'])).toBe(true);
    expect(mayUploadResult(['unit_leader'])).toBe(true);
    expect(mayUploadResult(['onestop_officer', 'agency_head'])).toBe(false);
    expect(resultUploadOpen({ status: 'processing', stage: 'handling' })).toBe(false);
    expect(resultUploadOpen({ status: 'processing', stage: 'approved' })).toBe(true);
    expect(resultUploadOpen({ status: 'processed', stage: null })).toBe(true);
    expect(resultUploadOpen({ status: 'returned', stage: null })).toBe(false);
  });

  it('are downloadable by the applicant once issued and going back online', () => {
    expect(resultDownloadable(d)).toBe(false);
    expect(resultDownloadable({ ...d, result })).toBe(true);
    expect(resultDownloadable({ ...d, returnMethod: 'counter', result })).toBe(false);
    // the method actually used wins over the one chosen at submission
    expect(resultDownloadable({ ...d, returnMethod: 'counter', result, returned: { at: 2, method: 'online', collectedBy: null, trackingNumber: null } })).toBe(true);
    expect(resultDownloadable({ ...d, result, returned: { at: 2, method: 'post', collectedBy: null, trackingNumber: 'EMS1' } })).toBe(false);
  });
});

describe('feedback body', () => {
  it('needs a dossier or a unit, a subject and content', () => {
    const base = { kind: 'phan_anh', subject: 'Chậm trả kết quả', content: 'Hồ sơ quá hạn chưa có kết quả.' };
    expect(feedbackBody.safeParse({ ...base, unitCode: '000.00.30.H26' }).success).toBe(true);
    expect(feedbackBody.safeParse({ ...base, dossierCode: '000.00.30.H26-261130-0001' }).success).toBe(true);
    expect(feedbackBody.safeParse(base).error?.issues.map((i) => i.message)).toEqual(['FEEDBACK_UNIT_REQUIRED']);
    expect(feedbackBody.safeParse({ ...base, unitCode: '000.00.30.H26', subject: '  ' }).error?.issues.map((i) => i.message)).toEqual(['FEEDBACK_TEXT_REQUIRED']);
    expect(feedbackBody.safeParse({ ...base, kind: 'khieu_nai', unitCode: '000.00.30.H26' }).success).toBe(false);
  });
});
