/** JSON views of ratings and feedback (core/feedback/api.ts). */
import { formatInstant } from '@core/calendar/time';
import type { FeedbackView, RatingView, StaffFeedbackView } from '@core/feedback/api';
import { CRITERIA, type Scores, isDisliked } from '@core/feedback/criteria';
import { feedbackState } from '@core/feedback/feedback';
import type { DossierRatingRow } from '../../db/tables/results-feedback';
import type { FeedbackListRow } from './queries';

const iso = (d: Date) => formatInstant(d.getTime());

/** The scores of a rating row, by criterion. */
export function scoresOf(r: DossierRatingRow): Scores {
  return Object.fromEntries(CRITERIA.map((c) => [c, r[c]])) as Scores;
}

/** A stored rating. */
export function presentRating(r: DossierRatingRow): RatingView {
  const scores = scoresOf(r);
  return { scores, comment: r.comment, ratedAt: iso(r.rated_at), disliked: isDisliked(scores) };
}

/** A feedback as its sender sees it at `now`. */
export function presentFeedback(f: FeedbackListRow, now: number): FeedbackView {
  return {
    id: f.id,
    kind: f.kind,
    dossierCode: f.dossier_code,
    unitCode: f.unit_code,
    unitName: f.unit_name,
    subject: f.subject,
    content: f.content,
    submittedAt: iso(f.submitted_at),
    dueAt: iso(f.due_at),
    state: feedbackState({ dueAt: f.due_at.getTime(), answeredAt: f.answered_at?.getTime() ?? null }, now),
    answer: f.answer,
    answeredAt: f.answered_at ? iso(f.answered_at) : null,
  };
}

/** A feedback as the unit's staff see it at `now`. */
export function presentStaffFeedback(f: FeedbackListRow, now: number): StaffFeedbackView {
  return { ...presentFeedback(f, now), applicantKind: f.applicant_kind, applicantName: f.applicant_name, answeredBy: f.answered_by, answeredByName: f.answered_by_name };
}
