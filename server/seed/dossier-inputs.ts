/** The body of each action a demo dossier goes through: reasons, items, numbers, in the words an officer would use. */
import { formatInstant, localDay } from '@core/calendar/time';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import type { Action } from '@core/dossier/actions';
import type { Dossier } from '@core/dossier/dossier';
import type { Plan } from './dossier-plan';
import { personName } from './people';
import type { Random } from './random';

const REFUSALS = [
  'Thủ tục không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận',
  'Người nộp không thuộc đối tượng được giải quyết theo quy định',
  'Hồ sơ đã được tiếp nhận và giải quyết trước đó, không tiếp nhận trùng',
];
const SUPPLEMENT_NOTES = ['bản rõ nét, đủ chữ ký', 'còn hiệu lực', 'có chứng thực', 'kê khai đầy đủ các mục'];
const PROCESSING_ITEMS = [
  'Giải trình thông tin kê khai chưa thống nhất giữa tờ khai và giấy tờ kèm theo',
  'Văn bản xác nhận của cơ quan có thẩm quyền về nội dung đề nghị',
  'Bản vẽ, sơ đồ vị trí có xác nhận của đơn vị đo đạc',
];
const APOLOGIES = [
  'Cần xác minh thêm thông tin với cơ quan liên quan',
  'Chờ ý kiến phối hợp của cơ quan chuyên môn',
  'Số lượng hồ sơ tăng đột biến, cần thêm thời gian thẩm định',
  'Cần kiểm tra thực địa trước khi giải quyết',
];
const REWORK = ['Dự thảo kết quả chưa đúng thể thức, đề nghị chỉnh sửa', 'Đề nghị rà soát lại căn cứ pháp lý trước khi trình ký'];
const STOPS = ['Người nộp không bổ sung hồ sơ theo yêu cầu trong thời hạn quy định', 'Hồ sơ không đủ điều kiện giải quyết theo quy định'];
const WITHDRAWALS = ['Người nộp đề nghị rút hồ sơ để điều chỉnh nội dung', 'Người nộp không còn nhu cầu giải quyết'];

/** What an action's input may draw on. */
export interface InputCtx {
  plan: Plan;
  dossier: Dossier;
  dueAt: number | null;
  cal: WorkingCalendar;
  r: Random;
  /** Users the action names (the next leader, the specialist to assign). */
  leaderId: () => string;
  specialistId: () => string;
  /** The next result number of the handling unit. */
  resultNumber: () => number;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A valid input for `action` on the dossier as it stands. */
export function inputFor(action: Action, x: InputCtx): Record<string, unknown> {
  const { plan, r } = x;
  const checklist = plan.procedure.rules.checklist;
  switch (action) {
    case 'accept':
      // the code is the unit's next number, taken by the command in the accepting transaction
      return { components: checklist.filter((c) => c.required || r.chance(0.5)).map((c) => c.id) };
    case 'request_supplement': {
      const items = r.shuffle(checklist).slice(0, r.int(1, Math.min(2, checklist.length)));
      return { items: items.map((c) => `${c.name} (${r.pick(SUPPLEMENT_NOTES)})`), note: 'Đề nghị bổ sung đầy đủ theo danh mục để được tiếp nhận' };
    }
    case 'refuse':
      return { reason: r.pick(REFUSALS) };
    case 'hand_over':
      return { toUnit: plan.handlingCode, receiverId: x.leaderId() };
    case 'assign':
      return { assigneeId: x.specialistId(), note: 'Đề nghị thẩm định, dự thảo kết quả' };
    case 'submit_review':
      return { receiverId: x.leaderId() };
    case 'approve':
      return {};
    case 'return_for_rework':
      return { reason: r.pick(REWORK) };
    case 'request_supplement_processing':
      return { items: [r.chance(0.5) ? `Bổ sung ${lower(r.pick(checklist).name)} có xác nhận của cơ quan có thẩm quyền` : r.pick(PROCESSING_ITEMS)] };
    case 'receive_supplement':
      return { note: 'Đã nhận đủ thành phần hồ sơ bổ sung' };
    case 'await_fee': {
      const fixed = plan.procedure.input.fees.reduce((s, f) => s + (f.amount ?? 0), 0);
      return { reason: 'Chờ người nộp thực hiện nghĩa vụ tài chính (phí, lệ phí)', amount: fixed > 0 ? fixed : r.int(5, 60) * 10_000 };
    }
    case 'fee_paid':
      return { method: r.weighted(['online', 'cash', 'post'] as const, (m) => ({ online: 5, cash: 4, post: 1 })[m]), receipt: `BL${r.digits(7)}` };
    case 'apologise': {
      const newDue = x.cal.endOfWorkingDay(localDay(x.cal.addWorking(x.dueAt!, r.int(2, 5) * x.cal.dayLengthMs)));
      return { reason: r.pick(APOLOGIES), newDueAt: formatInstant(newDue) };
    }
    case 'transfer_interagency':
      return { toUnit: plan.procedure.transferTo, reference: `LT-${formatInstant(x.dossier.receivedAt!).slice(0, 4)}-${String(plan.n + 1).padStart(4, '0')}`, note: 'Chuyển liên thông để lấy ý kiến và giải quyết theo thẩm quyền' };
    case 'stop':
      return { reason: r.pick(STOPS) };
    case 'withdraw':
      return { reason: r.pick(WITHDRAWALS) };
    case 'issue_result':
      return { number: `${x.resultNumber()}/${plan.abbr}`, eResult: plan.returnMethod === 'online' || r.chance(0.3) };
    case 'return_result': {
      if (plan.returnMethod === 'post') return { trackingNumber: `${r.pick(['EB', 'EE'])}${r.digits(9)}VN` };
      if (plan.returnMethod === 'online') return {};
      const applicant = plan.body.applicant as { kind: string; name: string; representative?: string };
      const collector = applicant.kind === 'organisation' ? (applicant.representative ?? personName(r).name) : r.chance(0.85) ? applicant.name : personName(r).name;
      return { collectedBy: collector };
    }
  }
}
