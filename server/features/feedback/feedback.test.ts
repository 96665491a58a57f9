import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '@core/calendar/time';
import { CRITERIA } from '@core/feedback/criteria';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { CalendarCache } from '../calendar/calendar-cache';
import { type Staff, dossierAt } from '../results/testing';

const AN = '031085012345';
const BINH = '031192004567';
const DUNG = '001187006543';
const BUSINESS = '0201234569';
const CENTRE = '000.00.30.H26';
const all = (score: number) => Object.fromEntries(CRITERIA.map((c) => [c, score]));

describe.each(ENGINES)('rating and feedback (%s)', (engine) => {
  let t: TestApp;
  let s: Staff;
  let xa: Client;
  let kiemsoat: Client;
  let an: Client;
  let binh: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const [motcua, chuyenvien, lanhdao, motcuaXa, ks] = await Promise.all(['motcua', 'chuyenvien', 'lanhdao', 'motcua.xa', 'kiemsoat'].map((u) => t.login(u)));
    s = { motcua: motcua!, chuyenvien: chuyenvien!, lanhdao: lanhdao! };
    xa = motcuaXa!;
    kiemsoat = ks!;
    an = await t.loginCitizen(AN);
    binh = await t.loginCitizen(BINH);
  });
  afterAll(() => t.close());

  const ratingCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM dossier_ratings`.execute(t.database.db)).rows[0]!.n);

  describe('rating', () => {
    it('is refused before the result is returned, with nothing stored', async () => {
      const d = await dossierAt(s, 'issued');
      const before = await ratingCount();
      expect((await an.get(`/api/v1/portal/dossiers/${d.code}/rating`)).json()).toEqual({ rating: null, canRate: false });
      const res = await an.post(`/api/v1/portal/dossiers/${d.code}/rating`, { scores: all(2) });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'RATING_NOT_OPEN', message: 'Chỉ đánh giá được sau khi hồ sơ đã được trả kết quả.' });
      expect(await ratingCount()).toBe(before);
    });

    it('refuses scores out of range, missing or unknown criteria', async () => {
      const d = await dossierAt(s, 'returned');
      const before = await ratingCount();
      for (const scores of [{ ...all(2), attitude: 3 }, { ...all(2), publicity: -1 }, { ...all(2), other: 1.5 }, { ...all(2), speed: 2 }, Object.fromEntries(CRITERIA.slice(1).map((c) => [c, 2])), {}]) {
        const res = await an.post(`/api/v1/portal/dossiers/${d.code}/rating`, { scores });
        expect(res.statusCode, JSON.stringify(scores)).toBe(400);
        expect(res.json().error.code, res.body).toBe('RATING_SCORE_INVALID');
      }
      expect(await ratingCount()).toBe(before);
      expect((await an.get(`/api/v1/portal/dossiers/${d.code}/rating`)).json()).toEqual({ rating: null, canRate: true });
    });

    it('is given once per dossier; a second rating is refused and changes nothing', async () => {
      const d = await dossierAt(s, 'returned');
      const scores = { ...all(2), return_time: 1, attitude: 0 };
      const first = await an.post(`/api/v1/portal/dossiers/${d.code}/rating`, { scores, comment: '  Cán bộ chưa nhiệt tình  ' });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ canRate: false, rating: { scores, comment: 'Cán bộ chưa nhiệt tình', disliked: true } });
      const second = await an.post(`/api/v1/portal/dossiers/${d.code}/rating`, { scores: all(2) });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('RATING_ALREADY_GIVEN');
      expect((await an.get(`/api/v1/portal/dossiers/${d.code}/rating`)).json().rating.scores).toEqual(scores);
      // staff of the dossier see it; others do not
      expect((await s.motcua.get(`/api/v1/dossiers/${d.code}/rating`)).json().rating).toMatchObject({ scores, disliked: true });
      expect((await xa.get(`/api/v1/dossiers/${d.code}/rating`)).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
      // someone else's dossier is not found
      expect((await binh.post(`/api/v1/portal/dossiers/${d.code}/rating`, { scores: all(2) })).statusCode).toBe(404);
      const audit = await t.database.db.selectFrom('audit_events').select(['action', 'actor_kind']).where('entity_id', '=', d.id).where('action', '=', 'dossier.rated').execute();
      expect(audit).toEqual([{ action: 'dossier.rated', actor_kind: 'citizen' }]);
    });

    it('stores what the index counts as plain SQL: a disliked dossier is one with a 0', async () => {
      const liked = await dossierAt(s, 'returned');
      expect((await an.post(`/api/v1/portal/dossiers/${liked.code}/rating`, { scores: all(1) })).statusCode).toBe(201);
      const rows = await sql<{ dossier_id: string; lowest: number }>`SELECT dossier_id, lowest FROM dossier_ratings`.execute(t.database.db);
      expect(rows.rows.find((r) => r.dossier_id === liked.id)?.lowest).toBe(1);
      expect(rows.rows.filter((r) => r.lowest === 0)).toHaveLength(1);
      const mean = await sql<{ m: string }>`SELECT round(avg(return_time), 1) AS m FROM dossier_ratings`.execute(t.database.db);
      expect(Number(mean.rows[0]!.m)).toBe(1);
    });
  });

  describe('feedback', () => {
    const body = { kind: 'phan_anh', subject: 'Trả kết quả chậm', content: 'Hồ sơ của tôi đã quá hạn mà chưa nhận được kết quả.' };

    it('about a dossier reaches the unit handling it, with an answer due in 10 working days', async () => {
      const d = await dossierAt(s, 'approved');
      const res = await an.post('/api/v1/portal/feedback', { ...body, dossierCode: d.code });
      expect(res.statusCode, res.body).toBe(201);
      const f = res.json().feedback;
      expect(f).toMatchObject({ kind: 'phan_anh', dossierCode: d.code, unitCode: '000.01.03.H26', state: 'open', answer: null });
      const unit = await t.database.db.selectFrom('units').select('id').where('code', '=', '000.01.03.H26').executeTakeFirstOrThrow();
      const calendar = await new CalendarCache(t.database.db).forUnit(unit.id);
      const [submitted, due] = [parseInstant(f.submittedAt), parseInstant(f.dueAt)];
      expect(calendar.workingMsBetween(submitted, due)).toBe(10 * calendar.dayLengthMs);
      // ten working days always span at least two weekends' worth of calendar time
      expect(due - submitted).toBeGreaterThanOrEqual(11 * 86_400_000);
      const audit = await t.database.db.selectFrom('audit_events').select(['action', 'unit_id']).where('entity_id', '=', f.id).execute();
      expect(audit).toEqual([{ action: 'feedback.submitted', unit_id: unit.id }]);
    });

    it('without a dossier needs a unit, which must exist; someone else’s dossier is not found', async () => {
      const before = await t.database.db.selectFrom('feedback').select('id').execute();
      const none = await an.post('/api/v1/portal/feedback', body);
      expect(none.statusCode).toBe(400);
      expect(none.json().error.code).toBe('FEEDBACK_UNIT_REQUIRED');
      const unknown = await an.request({ method: 'POST', url: '/api/v1/portal/feedback', payload: { ...body, unitCode: '999.99.99.H99' }, headers: { 'accept-language': 'en' } });
      expect(unknown.json().error).toMatchObject({ code: 'FEEDBACK_UNIT_UNKNOWN', message: 'No active agency has the code 999.99.99.H99.' });
      expect((await an.post('/api/v1/portal/feedback', { ...body, unitCode: CENTRE, content: ' ' })).json().error.code).toBe('FEEDBACK_TEXT_REQUIRED');
      const theirs = await dossierAt(s, 'accepted', { idNumber: BINH });
      expect((await an.post('/api/v1/portal/feedback', { ...body, dossierCode: theirs.code })).json().error.code).toBe('NOT_FOUND');
      expect(await t.database.db.selectFrom('feedback').select('id').execute()).toEqual(before);

      const toUnit = await an.post('/api/v1/portal/feedback', { ...body, kind: 'kien_nghi', unitCode: CENTRE });
      expect(toUnit.statusCode, toUnit.body).toBe(201);
      expect(toUnit.json().feedback).toMatchObject({ kind: 'kien_nghi', dossierCode: null, unitCode: CENTRE });
    });

    it('is answered once, by staff of the unit it reached; the applicant reads the answer and is told', async () => {
      const d = await dossierAt(s, 'approved');
      const f = (await an.post('/api/v1/portal/feedback', { ...body, dossierCode: d.code })).json().feedback;
      const answer = { answer: 'Hồ sơ đang được xử lý, sẽ trả kết quả trong tuần.' };

      // outside the unit: the ward's one-stop desk; no permission: the specialist
      const outside = await xa.post(`/api/v1/feedback/${f.id}/answer`, answer);
      expect(outside.statusCode).toBe(403);
      expect(outside.json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
      expect((await s.chuyenvien.post(`/api/v1/feedback/${f.id}/answer`, answer)).json().error.code).toBe('FORBIDDEN');
      expect((await xa.get('/api/v1/feedback?state=all')).json().items.map((i: { id: string }) => i.id)).not.toContain(f.id);
      expect((await s.lanhdao.post(`/api/v1/feedback/${f.id}/answer`, { answer: '   ' })).json().error.code).toBe('FEEDBACK_TEXT_REQUIRED');
      expect((await s.lanhdao.post('/api/v1/feedback/00000000-0000-4000-8000-000000000000/answer', answer)).json().error.code).toBe('NOT_FOUND');

      const open = (await s.lanhdao.get('/api/v1/feedback')).json();
      expect(open.items.find((i: { id: string }) => i.id === f.id)).toMatchObject({ state: 'open', applicantName: 'Nguyễn Văn An', applicantKind: 'citizen' });

      const done = await s.lanhdao.post(`/api/v1/feedback/${f.id}/answer`, answer);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().feedback).toMatchObject({ state: 'answered', answer: answer.answer, answeredBy: s.lanhdao.me.user.id, answeredByName: s.lanhdao.me.user.fullName });
      const again = await s.lanhdao.post(`/api/v1/feedback/${f.id}/answer`, { answer: 'Trả lời lần hai' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('FEEDBACK_ALREADY_ANSWERED');
      // the control office (city-wide) sees it too, answered
      expect((await kiemsoat.get('/api/v1/feedback?state=answered')).json().items.map((i: { id: string }) => i.id)).toContain(f.id);

      const mine = (await an.get('/api/v1/portal/feedback')).json().items.find((i: { id: string }) => i.id === f.id);
      expect(mine).toMatchObject({ answer: answer.answer, state: 'answered' });
      expect((await binh.get('/api/v1/portal/feedback')).json().items.map((i: { id: string }) => i.id)).not.toContain(f.id);
      const jobs = await t.database.db.selectFrom('jobs').select('payload').where('kind', '=', 'notify').execute();
      expect(jobs.map((j) => j.payload)).toContainEqual(expect.objectContaining({ event: 'feedback_answered', dossierId: d.id }));
      const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', f.id).orderBy('occurred_at').execute();
      expect(audit.map((a) => a.action)).toEqual(['feedback.submitted', 'feedback.answered']);
    });

    it('past its due is overdue for the unit and the applicant', async () => {
      const f = (await an.post('/api/v1/portal/feedback', { ...body, unitCode: CENTRE, subject: 'Quá hạn' })).json().feedback;
      await t.database.db.updateTable('feedback').set({ due_at: new Date(Date.now() - 60_000) }).where('id', '=', f.id).execute();
      const overdue = (await s.motcua.get('/api/v1/feedback?state=overdue')).json();
      expect(overdue.items.map((i: { id: string }) => i.id)).toContain(f.id);
      expect(overdue.items.every((i: { state: string }) => i.state === 'overdue')).toBe(true);
      expect(overdue.overdue).toBe(overdue.total);
      expect(overdue.total).toBeGreaterThanOrEqual(1);
      // waiting ones list the overdue first
      expect((await s.motcua.get('/api/v1/feedback?state=open')).json().items[0].id).toBe(f.id);
      expect((await an.get('/api/v1/portal/feedback')).json().items.find((i: { id: string }) => i.id === f.id).state).toBe('overdue');
      await s.motcua.post(`/api/v1/feedback/${f.id}/answer`, { answer: 'Xin lỗi vì trả lời chậm.' });
      expect((await an.get('/api/v1/portal/feedback')).json().items.find((i: { id: string }) => i.id === f.id).state).toBe('answered_late');
    });

    it('of a business representative belongs to the business', async () => {
      const rep = await t.loginCitizen(DUNG, { actingFor: BUSINESS });
      const f = (await rep.post('/api/v1/portal/feedback', { ...body, unitCode: CENTRE })).json().feedback;
      expect((await rep.get('/api/v1/portal/feedback')).json().items.map((i: { id: string }) => i.id)).toEqual([f.id]);
      const self = await t.loginCitizen(DUNG);
      expect((await self.get('/api/v1/portal/feedback')).json().items).toEqual([]);
      const staffView = (await s.motcua.get('/api/v1/feedback?state=all')).json().items.find((i: { id: string }) => i.id === f.id);
      expect(staffView.applicantKind).toBe('organisation');
    });
  });
});
