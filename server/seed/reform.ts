/**
 * Demo reform plans (issue 9): Plan 259/KH-UBND (the year's administrative-reform tasks of the
 * seed's directive) and Plan 242 (review and simplification of internal procedures), ~20 tasks
 * across departments and wards, driven through the reform commands at simulated instants relative
 * to the seed's `now` so the board shows work on time, late, overdue, in progress, waiting for the
 * Office, returned and cancelled. Once only: nothing happens when Plan 259/KH-UBND exists.
 */
import type { Kysely } from 'kysely';
import { dayStartMs, formatDate, HOUR_MS, localDay } from '@core/calendar/time';
import { type DeadlineRule, planTaskDeadline } from '@core/reform/deadline';
import type { TaskAction } from '@core/reform/state';
import type { BlobStore } from '../blobs/blob-store';
import type { DB } from '../db/schema';
import { CalendarCache } from '../features/calendar/calendar-cache';
import { listUnits } from '../features/org/queries';
import { type Ctx, actOnTask, cancelTask, createPlan, createTasks } from '../features/reform/commands';
import { findPlanByNumber } from '../features/reform/queries';
import { DEMO_UNITS } from './demo-org';
import { scanPdf } from './scans';

/** What happens to a piece of work: completed on time or late (and accepted), left overdue, reported on, waiting, returned. */
type Story = 'on_time' | 'late' | 'overdue' | 'in_progress' | 'not_started' | 'awaiting' | 'returned' | 'cancelled';

interface DemoTask {
  content: string;
  lead: string;
  support?: string[];
  /** Days from the seed's day to the deadline, or a recurring rule's span in days from the seed's day. */
  due: number | { kind: 'monthly' | 'quarterly'; day: number; from: number; to: number };
  output: string;
  measure: string;
  /** The story of a one-off task, or of each past occurrence of a recurring one by its index (the rest on time). */
  story: Story | { late?: number[]; overdue?: number[] };
}

interface DemoPlan {
  number: string;
  title: string;
  issuer: string;
  /** Days before the seed's day. */
  age: number;
  legalBasis: string;
  tasks: DemoTask[];
}

const REPORT = 'Báo cáo định kỳ';
const DONE = 'Văn bản, báo cáo gửi Văn phòng UBND thành phố đúng hạn';

export const DEMO_REFORM_PLANS: readonly DemoPlan[] = [
  {
    number: '259/KH-UBND',
    title: 'Kế hoạch đẩy mạnh cải cách thủ tục hành chính và hiện đại hóa phương thức chỉ đạo, điều hành phục vụ người dân, doanh nghiệp',
    issuer: 'city',
    age: 320,
    legalBasis: 'Nghị quyết số 131/NQ-CP của Chính phủ; Văn bản số 343/UBND-KSTTHC của Chủ tịch UBND thành phố',
    tasks: [
      { content: 'Rà soát các Quyết định công bố TTHC của các Bộ, ngành Trung ương; phối hợp tham mưu Chủ tịch UBND thành phố công bố danh mục TTHC', lead: 'tuphap', support: ['office'], due: -200, output: 'Dự thảo Quyết định công bố danh mục TTHC', measure: 'Quyết định được ký ban hành', story: 'on_time' },
      { content: 'Báo cáo việc số hóa kết quả giải quyết TTHC còn hiệu lực thuộc thẩm quyền của thành phố', lead: 'khcn', support: ['office'], due: -150, output: 'Báo cáo số hóa', measure: DONE, story: 'late' },
      { content: 'Nâng cấp, hoàn thiện Hệ thống Cổng Dịch vụ công và Một cửa điện tử thành phố', lead: 'khcn', support: ['centre'], due: -30, output: 'Hệ thống được nâng cấp, nghiệm thu', measure: 'Biên bản nghiệm thu', story: 'overdue' },
      { content: 'Thiết lập Kho quản lý dữ liệu điện tử của tổ chức, cá nhân trong Hệ thống thông tin giải quyết TTHC thành phố', lead: 'khcn', support: ['tuphap'], due: 45, output: 'Kho dữ liệu vận hành', measure: 'Kho dữ liệu kết nối, chia sẻ được', story: 'in_progress' },
      { content: 'Rà soát, nâng cao hiệu quả hoạt động của Bộ phận Một cửa các cấp', lead: 'noivu', support: ['centre'], due: -90, output: 'Báo cáo rà soát', measure: DONE, story: 'on_time' },
      { content: 'Nâng tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia lên trên 30% tổng số giao dịch thanh toán', lead: 'taichinh', due: -60, output: 'Báo cáo kết quả', measure: 'Tỷ lệ trên 30%', story: 'late' },
      { content: 'Đạt trên 60% TTHC có yêu cầu nghĩa vụ tài chính được thanh toán trực tuyến', lead: 'nnmt', due: 20, output: 'Báo cáo kết quả', measure: 'Tỷ lệ trên 60%', story: 'not_started' },
      { content: 'Tiếp nhận, trả kết quả giải quyết TTHC qua dịch vụ bưu chính công ích', lead: 'xaydung', due: -10, output: 'Báo cáo kết quả', measure: DONE, story: 'overdue' },
      { content: 'Kiểm tra, chấn chỉnh, xử lý vi phạm, chậm trễ trong tiếp nhận, giải quyết và trả kết quả TTHC', lead: 'thanhtra', support: ['noivu'], due: 5, output: 'Kết luận kiểm tra', measure: 'Kết luận được ban hành', story: 'in_progress' },
      { content: 'Báo cáo công tác cải cách hành chính định kỳ hằng quý', lead: 'noivu', due: { kind: 'quarterly', day: 15, from: -300, to: 60 }, output: REPORT, measure: DONE, story: { late: [1] } },
      { content: 'Báo cáo tình hình tiếp nhận, giải quyết TTHC hằng tháng', lead: 'lechan', due: { kind: 'monthly', day: 20, from: -300, to: 60 }, output: REPORT, measure: DONE, story: { late: [3], overdue: [-1] } },
      { content: 'Niêm yết công khai đầy đủ TTHC tại Bộ phận Một cửa phường', lead: 'hongbang', due: -40, output: 'Danh mục niêm yết', measure: 'Biên bản kiểm tra', story: 'on_time' },
      { content: 'Niêm yết công khai đầy đủ TTHC tại Bộ phận Một cửa phường', lead: 'ngoquyen', due: -40, output: 'Danh mục niêm yết', measure: 'Biên bản kiểm tra', story: 'late' },
      { content: 'Niêm yết công khai đầy đủ TTHC tại Bộ phận Một cửa phường', lead: 'haian', due: -40, output: 'Danh mục niêm yết', measure: 'Biên bản kiểm tra', story: 'overdue' },
      { content: 'Tiếp nhận hồ sơ TTHC không phụ thuộc địa giới hành chính trong phạm vi thành phố', lead: 'yte', due: -3, output: 'Báo cáo kết quả', measure: DONE, story: 'awaiting' },
      { content: 'Số hóa hồ sơ, kết quả giải quyết TTHC khi tiếp nhận', lead: 'gddt', due: -20, output: 'Báo cáo tỷ lệ số hóa', measure: 'Tỷ lệ số hóa đạt chỉ tiêu', story: 'returned' },
      { content: 'Xây dựng phần mềm một cửa riêng của đơn vị', lead: 'vhtt', due: 30, output: 'Phần mềm', measure: 'Phần mềm vận hành', story: 'cancelled' },
    ],
  },
  {
    number: '242/KH-UBND',
    title: 'Kế hoạch rà soát, đơn giản hóa thủ tục hành chính nội bộ trong hệ thống hành chính nhà nước thành phố',
    issuer: 'city',
    age: 200,
    legalBasis: 'Quyết định số 1085/QĐ-TTg của Thủ tướng Chính phủ',
    tasks: [
      { content: 'Thống kê, công bố danh mục TTHC nội bộ giữa các cơ quan hành chính nhà nước thành phố', lead: 'noivu', support: ['office'], due: -150, output: 'Danh mục TTHC nội bộ', measure: 'Quyết định công bố', story: 'on_time' },
      { content: 'Rà soát, đề xuất phương án đơn giản hóa TTHC nội bộ lĩnh vực tư pháp', lead: 'tuphap', due: -60, output: 'Phương án đơn giản hóa', measure: 'Cắt giảm ≥ 20% chi phí tuân thủ', story: 'late' },
      { content: 'Rà soát, đề xuất phương án đơn giản hóa TTHC nội bộ lĩnh vực xây dựng', lead: 'xaydung', due: -60, output: 'Phương án đơn giản hóa', measure: 'Cắt giảm ≥ 20% chi phí tuân thủ', story: 'overdue' },
      { content: 'Rà soát, đề xuất phương án đơn giản hóa TTHC nội bộ lĩnh vực tài chính', lead: 'taichinh', due: 30, output: 'Phương án đơn giản hóa', measure: 'Cắt giảm ≥ 20% chi phí tuân thủ', story: 'in_progress' },
      { content: 'Rà soát, đề xuất phương án đơn giản hóa TTHC nội bộ lĩnh vực y tế', lead: 'yte', due: 60, output: 'Phương án đơn giản hóa', measure: 'Cắt giảm ≥ 20% chi phí tuân thủ', story: 'not_started' },
      { content: 'Tổng hợp, trình Chủ tịch UBND thành phố phê duyệt phương án đơn giản hóa TTHC nội bộ', lead: 'office', due: 90, output: 'Quyết định phê duyệt', measure: 'Quyết định được ký ban hành', story: 'not_started' },
    ],
  },
];

const DEMO_ACTOR = { kind: 'system' as const, id: 'demo-seed', name: 'demo-seed' };

/** Seeds the demo reform plans through the reform commands; answers how many tasks it created (0 when already seeded). */
export async function seedDemoReform(db: Kysely<DB>, opts: { now?: number; blobs?: BlobStore } = {}): Promise<number> {
  if (await findPlanByNumber(db, DEMO_REFORM_PLANS[0]!.number)) return 0;
  const now = opts.now ?? Date.now();
  const today = localDay(now);
  const byCode = new Map((await listUnits(db)).map((u) => [u.code, u]));
  const unitId = (key: string) => {
    const code = DEMO_UNITS.find((u) => u.key === key)?.code;
    const unit = code ? byCode.get(code) : undefined;
    if (!unit) throw new Error(`demo reform: no unit ${key}`);
    return unit.id;
  };
  const cal = await new CalendarCache(db).forUnit(null);
  /** 09:00 (or `hour`) of the day `offset` days from today, never after `now`. */
  const on = (day: number, hour = 9) => Math.min(dayStartMs(day) + hour * HOUR_MS, now - HOUR_MS);
  const ctx = (at: number): Ctx => ({ db, actor: DEMO_ACTOR, requestId: `demo-seed:${new Date(at).toISOString()}`, now: at });
  const evidence = async (title: string) => (opts.blobs ? [{ ...(await opts.blobs.put(scanPdf(title, ['Minh chung thuc hien nhiem vu CCHC (du lieu demo)']))), mime: 'application/pdf', filename: 'minh-chung.pdf' }] : []);
  const officeId = unitId('office_kstthc');
  let created = 0;

  for (const p of DEMO_REFORM_PLANS) {
    const issued = today - p.age;
    const plan = await createPlan(ctx(on(issued)), { number: p.number, title: p.title, issuerUnitId: unitId(p.issuer), issuedOn: formatDate(issued), legalBasis: p.legalBasis });
    const rules: DeadlineRule[] = p.tasks.map((t) => (typeof t.due === 'number' ? { kind: 'date', date: formatDate(today + t.due) } : { kind: t.due.kind, day: t.due.day, from: formatDate(today + t.due.from), to: formatDate(today + t.due.to) }));
    const tasks = await createTasks(
      ctx(on(issued, 10)),
      plan,
      p.tasks.map((t, i) => ({ content: t.content, leadUnitId: unitId(t.lead), supportingUnitIds: (t.support ?? []).map(unitId), deadline: rules[i]!, occurrences: planTaskDeadline(rules[i]!, formatDate(issued), cal), expectedOutput: t.output, completionMeasure: t.measure })),
      'form',
    );
    created += tasks.length;
    for (const [i, t] of p.tasks.entries()) {
      const task = tasks[i]!;
      const lead = task.lead_unit_id;
      const act = async (action: TaskAction, day: number, period: string, note: string, unit = lead, withFile = false) => {
        const at = on(day, action === 'accept' || action === 'return' ? 15 : 9);
        await actOnTask(ctx(at), task.id, { action, period, unitId: unit, note, progress: action === 'report' ? 50 : null, evidence: withFile ? await evidence(t.content.slice(0, 40)) : [] });
      };
      const occurrences = planTaskDeadline(rules[i]!, formatDate(issued), cal);
      if (typeof t.story === 'string') {
        const due = localDay(Date.parse(`${occurrences[0]!.due}T00:00:00+07:00`));
        const start = Math.max(issued + 5, Math.min(due, today) - 20);
        const s = t.story;
        if (s === 'not_started') continue;
        if (s === 'cancelled') {
          await cancelTask(ctx(on(today - 15)), task.id, officeId, 'Không triển khai: dùng chung Hệ thống Một cửa điện tử của thành phố');
          continue;
        }
        await act('report', start, 'once', 'Đã triển khai, đang tổng hợp kết quả', lead, true);
        if (s === 'in_progress' || s === 'overdue') continue;
        const marked = s === 'late' ? due + 6 : s === 'awaiting' ? due - 1 : due - 3;
        await act('complete', marked, 'once', 'Đã hoàn thành, gửi kèm báo cáo');
        if (s === 'awaiting') continue;
        if (s === 'returned') {
          await act('return', marked + 2, 'once', 'Báo cáo chưa có số liệu tỷ lệ số hóa theo từng lĩnh vực', officeId);
          continue;
        }
        await act('accept', marked + 2, 'once', 'Đạt yêu cầu', officeId);
        continue;
      }
      const past = occurrences.filter((o) => localDay(Date.parse(`${o.due}T00:00:00+07:00`)) < today);
      for (const [k, o] of past.entries()) {
        const due = localDay(Date.parse(`${o.due}T00:00:00+07:00`));
        if (t.story.overdue?.some((x) => (x < 0 ? past.length + x : x) === k)) continue;
        const late = t.story.late?.includes(k);
        const marked = late ? due + 4 : due - 2;
        if (marked >= today) continue;
        await act('complete', marked, o.period, `Báo cáo kỳ ${o.period}`, lead, k % 3 === 0);
        if (marked + 1 < today) await act('accept', marked + 1, o.period, 'Đã nhận báo cáo', officeId);
      }
    }
  }
  return created;
}
