/**
 * Every action a staff member can take on a dossier. Which status and role allows each is the
 * workflow table (`workflow.ts`); what each one does is `decide.ts`.
 */

/** Every action, roughly in lifecycle order. */
export const ACTIONS = [
  'accept',
  'request_supplement',
  'refuse',
  'hand_over',
  'assign',
  'submit_review',
  'approve',
  'return_for_rework',
  'request_supplement_processing',
  'receive_supplement',
  'await_fee',
  'fee_paid',
  'apologise',
  'transfer_interagency',
  'stop',
  'withdraw',
  'issue_result',
  'return_result',
] as const;

/** A dossier action; also the `{action}` of `POST /api/v1/dossiers/{code}/actions/{action}`. */
export type Action = (typeof ACTIONS)[number];

/** True when the string names an action (for path parameters). */
export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

/** The one-stop forms of Circular 01/2018/TT-VPCP that the system issues. */
export const FORM_CODES = ['mau_01', 'mau_02', 'mau_03', 'mau_04', 'mau_05', 'mau_06'] as const;
/** A form code, also the `{form}` of `GET /api/v1/dossiers/{code}/forms/{form}.pdf`. */
export type FormCode = (typeof FORM_CODES)[number];

/** Official titles of the forms. */
export const FORM_TITLES = {
  mau_01: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment for the result' },
  mau_02: { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Supplement request' },
  mau_03: { vi: 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ', en: 'Refusal to accept or resolve the dossier' },
  mau_04: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new date for the result' },
  mau_05: { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Processing control slip' },
  mau_06: { vi: 'Sổ theo dõi hồ sơ', en: 'Dossier book' },
} as const satisfies Record<FormCode, { vi: string; en: string }>;

/** Vietnamese and English labels of the actions, for buttons and the history. */
export const ACTION_LABELS = {
  accept: { vi: 'Tiếp nhận hồ sơ', en: 'Accept' },
  request_supplement: { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Request supplement' },
  refuse: { vi: 'Từ chối tiếp nhận', en: 'Refuse' },
  hand_over: { vi: 'Chuyển hồ sơ đến cơ quan giải quyết', en: 'Hand over to the processing unit' },
  assign: { vi: 'Phân công xử lý', en: 'Assign a specialist' },
  submit_review: { vi: 'Trình lãnh đạo', en: 'Submit for review' },
  approve: { vi: 'Phê duyệt, ký', en: 'Approve and sign' },
  return_for_rework: { vi: 'Trả lại để xử lý lại', en: 'Return for rework' },
  request_supplement_processing: { vi: 'Yêu cầu bổ sung trong quá trình giải quyết', en: 'Request supplement during processing' },
  receive_supplement: { vi: 'Tiếp nhận hồ sơ bổ sung', en: 'Receive the supplement' },
  await_fee: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Await the fee or tax' },
  fee_paid: { vi: 'Đã thực hiện nghĩa vụ tài chính', en: 'Fee paid' },
  apologise: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Apologise and set a new date' },
  transfer_interagency: { vi: 'Chuyển liên thông', en: 'Transfer to another agency' },
  stop: { vi: 'Dừng xử lý', en: 'Stop processing' },
  withdraw: { vi: 'Rút hồ sơ theo đề nghị', en: 'Withdraw at the applicant’s request' },
  issue_result: { vi: 'Ban hành kết quả', en: 'Issue the result' },
  return_result: { vi: 'Trả kết quả', en: 'Return the result' },
} as const satisfies Record<Action, { vi: string; en: string }>;
