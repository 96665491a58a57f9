/**
 * Demo internal procedures (issue 9, Plan 242 / Decision 1085): four procedures between state
 * agencies with realistic steps and costs, one reviewed and simplified (Thẩm định dự thảo VBQPPL:
 * yearly compliance cost 25 920 000 → 14 250 000 đồng, −45.02 %), one reviewed and kept as is,
 * two only registered. Driven through the commands; once only (nothing happens when the first code exists).
 */
import type { Kysely } from 'kysely';
import { DAY_MS } from '@core/calendar/time';
import type { ProcedureBody, ReviewBody } from '@core/internal-procedures/api';
import type { DB } from '../db/schema';
import { type Ctx, addReview, decideReview, registerProcedure } from '../features/internal-procedures/commands';
import { findProcedureByCode } from '../features/internal-procedures/queries';
import { findUnitByCode } from '../features/org/queries';
import { DEMO_UNITS } from './demo-org';

const DEMO_ACTOR = { kind: 'system' as const, id: 'demo-seed', name: 'demo-seed' };

type DemoProcedure = Omit<ProcedureBody, 'ownerUnitId'> & { owner: string };

export const DEMO_INTERNAL_PROCEDURES: readonly DemoProcedure[] = [
  {
    code: '1.TP-01',
    owner: 'tuphap',
    name: 'Thẩm định dự thảo văn bản quy phạm pháp luật',
    field: 'Xây dựng và kiểm tra văn bản quy phạm pháp luật',
    legalBasis: 'Luật Ban hành văn bản quy phạm pháp luật năm 2025; Nghị định số 78/2025/NĐ-CP',
    fees: 0,
    yearlyFrequency: 12,
    steps: [
      { order: 1, name: 'Tiếp nhận hồ sơ đề nghị thẩm định', actor: 'Văn thư Sở Tư pháp', time: 2, unit: 'hours', hourlyCost: 35_000, otherCosts: 20_000 },
      { order: 2, name: 'Nghiên cứu, thẩm định dự thảo', actor: 'Chuyên viên Phòng Xây dựng và kiểm tra VBQPPL', time: 5, unit: 'working_days', hourlyCost: null, otherCosts: 150_000 },
      { order: 3, name: 'Lãnh đạo Sở ký báo cáo thẩm định', actor: 'Phó Giám đốc Sở Tư pháp', time: 4, unit: 'hours', hourlyCost: 80_000, otherCosts: 0 },
    ],
  },
  {
    code: '2.NV-01',
    owner: 'noivu',
    name: 'Giao chỉ tiêu biên chế',
    field: 'Tổ chức bộ máy, biên chế',
    legalBasis: 'Nghị định số 62/2020/NĐ-CP về vị trí việc làm và biên chế công chức',
    fees: 0,
    yearlyFrequency: 1,
    steps: [
      { order: 1, name: 'Các cơ quan, đơn vị lập đề nghị biên chế', actor: 'Chuyên viên tổ chức cán bộ các sở, ngành', time: 3, unit: 'working_days', hourlyCost: null, otherCosts: 0 },
      { order: 2, name: 'Tổng hợp, thẩm định nhu cầu biên chế', actor: 'Chuyên viên Sở Nội vụ', time: 5, unit: 'working_days', hourlyCost: null, otherCosts: 100_000 },
      { order: 3, name: 'Trình UBND thành phố quyết định giao biên chế', actor: 'Giám đốc Sở Nội vụ', time: 4, unit: 'hours', hourlyCost: 90_000, otherCosts: 0 },
    ],
  },
  {
    code: '2.NV-02',
    owner: 'noivu',
    name: 'Phê duyệt kế hoạch đào tạo, bồi dưỡng công chức',
    field: 'Đào tạo, bồi dưỡng cán bộ, công chức',
    legalBasis: 'Nghị định số 101/2017/NĐ-CP về đào tạo, bồi dưỡng cán bộ, công chức, viên chức',
    fees: 0,
    yearlyFrequency: 2,
    steps: [
      { order: 1, name: 'Tổng hợp nhu cầu đào tạo, bồi dưỡng', actor: 'Chuyên viên Sở Nội vụ', time: 4, unit: 'working_days', hourlyCost: null, otherCosts: 50_000 },
      { order: 2, name: 'Xây dựng dự thảo kế hoạch, lấy ý kiến các sở, ngành', actor: 'Phòng Công chức, viên chức', time: 5, unit: 'working_days', hourlyCost: null, otherCosts: 200_000 },
      { order: 3, name: 'Trình phê duyệt kế hoạch', actor: 'Lãnh đạo Sở Nội vụ', time: 3, unit: 'hours', hourlyCost: 90_000, otherCosts: 0 },
    ],
  },
  {
    code: '3.TC-01',
    owner: 'taichinh',
    name: 'Thẩm định dự toán ngân sách của cơ quan, đơn vị',
    field: 'Quản lý ngân sách nhà nước',
    legalBasis: 'Luật Ngân sách nhà nước năm 2015; Nghị định số 163/2016/NĐ-CP',
    fees: 0,
    yearlyFrequency: 1,
    steps: [
      { order: 1, name: 'Tiếp nhận dự toán của các cơ quan, đơn vị', actor: 'Chuyên viên Sở Tài chính', time: 2, unit: 'working_days', hourlyCost: null, otherCosts: 0 },
      { order: 2, name: 'Thẩm định, tổng hợp dự toán', actor: 'Phòng Quản lý ngân sách', time: 10, unit: 'working_days', hourlyCost: 45_000, otherCosts: 300_000 },
    ],
  },
];

const REVIEW_TP: ReviewBody = {
  necessity: { verdict: 'keep', text: 'Cần thiết để bảo đảm tính hợp hiến, hợp pháp, thống nhất của văn bản.' },
  reasonableness: { verdict: 'amend', text: 'Hồ sơ giấy; thời gian thẩm định 5 ngày làm việc dài hơn mức cần thiết.' },
  legality: { verdict: 'keep', text: 'Phù hợp Luật Ban hành văn bản quy phạm pháp luật.' },
  proposals: 'Tiếp nhận hồ sơ điện tử; rút thời gian thẩm định còn 3 ngày làm việc; ký số báo cáo thẩm định.',
};

const REVIEW_NV: ReviewBody = {
  necessity: { verdict: 'keep', text: 'Cần thiết để quản lý biên chế theo vị trí việc làm.' },
  reasonableness: { verdict: 'keep', text: 'Trình tự, thời gian hợp lý.' },
  legality: { verdict: 'keep', text: 'Phù hợp Nghị định số 62/2020/NĐ-CP.' },
  proposals: '',
};

/** Seeds the demo internal procedures; answers how many it registered (0 when already seeded). */
export async function seedDemoInternalProcedures(db: Kysely<DB>, opts: { now?: number } = {}): Promise<number> {
  if (await findProcedureByCode(db, DEMO_INTERNAL_PROCEDURES[0]!.code)) return 0;
  const now = opts.now ?? Date.now();
  const ctx = (daysAgo: number): Ctx => ({ db, actor: DEMO_ACTOR, requestId: `demo-seed:internal-procedures:${daysAgo}`, now: now - daysAgo * DAY_MS });
  const ids: Record<string, string> = {};
  for (const { owner, ...p } of DEMO_INTERNAL_PROCEDURES) {
    const unit = await findUnitByCode(db, DEMO_UNITS.find((u) => u.key === owner)!.code);
    ids[p.code] = (await registerProcedure(ctx(120), { ...p, ownerUnitId: unit!.id })).id;
  }
  const tp = await addReview(ctx(60), ids['1.TP-01']!, REVIEW_TP);
  await decideReview(ctx(30), ids['1.TP-01']!, tp.id, {
    number: '1520/QĐ-UBND',
    date: new Date(now - 30 * DAY_MS + 7 * 3_600_000).toISOString().slice(0, 10),
    summary: 'Thông qua phương án đơn giản hóa thủ tục thẩm định dự thảo văn bản quy phạm pháp luật',
    after: {
      fees: 0,
      yearlyFrequency: 12,
      steps: [
        { order: 1, name: 'Tiếp nhận hồ sơ điện tử', actor: 'Văn thư Sở Tư pháp', time: 0.5, unit: 'hours', hourlyCost: 35_000, otherCosts: 0 },
        { order: 2, name: 'Nghiên cứu, thẩm định dự thảo', actor: 'Chuyên viên Phòng Xây dựng và kiểm tra VBQPPL', time: 3, unit: 'working_days', hourlyCost: null, otherCosts: 50_000 },
        { order: 3, name: 'Lãnh đạo Sở ký số báo cáo thẩm định', actor: 'Phó Giám đốc Sở Tư pháp', time: 2, unit: 'hours', hourlyCost: 80_000, otherCosts: 0 },
      ],
    },
  });
  const nv = await addReview(ctx(50), ids['2.NV-01']!, REVIEW_NV);
  await decideReview(ctx(20), ids['2.NV-01']!, nv.id, { number: '1610/QĐ-UBND', date: new Date(now - 20 * DAY_MS + 7 * 3_600_000).toISOString().slice(0, 10), summary: 'Giữ nguyên thủ tục giao chỉ tiêu biên chế' });
  return DEMO_INTERNAL_PROCEDURES.length;
}
