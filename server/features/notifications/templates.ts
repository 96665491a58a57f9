/**
 * The words of each notification, in Vietnamese (the default) and English: a subject, an opening
 * sentence, labelled facts, a list (items to supplement), closing lines and a short SMS. Pure: the
 * renderer (render.ts) turns a message into text and HTML. Procedure and unit names stay as the
 * catalogue has them (Vietnamese).
 */
import type { ReturnMethod } from '@core/dossier/channel';
import { shortDate, shortDateTime } from '../../forms/format';
import type { NotificationEvent } from './enqueue';

export type NotificationLocale = 'vi' | 'en';

/** What the job loaded about the dossier. */
export interface NotificationFacts {
  applicantName: string;
  code: string | null;
  procedureName: string;
  receivingUnit: string;
  handlingUnit: string;
  returnMethod: ReturnMethod;
  dueAt: number | null;
}

/**
 * Event-specific facts carried in the job's `data` (all optional; instants in epoch ms).
 * `submitted`: `code`, `lookupSecret`; `received`: `dueAt`; `supplement_requested`: `items`, `note`;
 * `fee_due`: `amount`, `reason`; `payment_received`: `amount`, `method`, `receiptNumber`;
 * `result_ready`: `number`, `eResult`, `filename`; `apology`: `reason`, `newDueAt`; `refused`:
 * `reason`; `feedback_answered`: `subject`, `answer`.
 * Every event may carry `at` (when it happened) and `locale` ('vi' | 'en').
 */
export interface NotificationData {
  at?: number;
  code?: string;
  lookupSecret?: string;
  dueAt?: number;
  items?: string[];
  note?: string;
  reason?: string;
  amount?: number;
  method?: 'online' | 'counter' | 'post';
  receiptNumber?: string;
  number?: string;
  filename?: string;
  subject?: string;
  eResult?: boolean;
  newDueAt?: number;
  answer?: string;
}

/** One message before rendering. */
export interface Message {
  subject: string;
  greeting: string;
  intro: string;
  facts: [label: string, value: string][];
  items: string[];
  outro: string[];
  footer: string[];
  sms: string;
}

const PAYMENT_METHOD_LABELS = {
  online: { vi: 'thanh toán trực tuyến', en: 'online' },
  counter: { vi: 'nộp tại Bộ phận Một cửa', en: 'at the one-stop desk' },
  post: { vi: 'qua dịch vụ bưu chính', en: 'through the postal service' },
} as const;

const money = (n: number, locale: NotificationLocale) => (locale === 'vi' ? `${new Intl.NumberFormat('vi-VN').format(n)} đồng` : `VND ${new Intl.NumberFormat('en-US').format(n)}`);
const time = (ms: number | undefined) => (ms === undefined ? null : shortDateTime(ms));
const day = (ms: number | undefined | null) => (ms === undefined || ms === null ? null : shortDate(ms));

/** Facts that have a value, in order. */
function present(rows: [string, string | null | undefined][]): [string, string][] {
  return rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1].length > 0);
}

/** The message for an event in a locale; `portalUrl` is where the applicant tracks the dossier. */
export function composeMessage(event: NotificationEvent, f: NotificationFacts, d: NotificationData, locale: NotificationLocale, portalUrl: string): Message {
  const code = d.code ?? f.code;
  const vi = locale === 'vi';
  // before acceptance a dossier has no code yet: name it by its procedure
  const label = code ?? `“${f.procedureName}”`;
  const base = {
    greeting: vi ? `Kính gửi ${f.applicantName},` : `Dear ${f.applicantName},`,
    items: [] as string[],
    outro: [] as string[],
    footer: vi
      ? ['Đây là thư tự động của Hệ thống thông tin giải quyết thủ tục hành chính thành phố Hải Phòng; xin đừng trả lời thư này.', `Tra cứu hồ sơ trên Cổng Dịch vụ công: ${portalUrl}`]
      : ['This is an automatic message from the Hải Phòng administrative procedure system; please do not reply.', `Track your dossier on the public service portal: ${portalUrl}`],
  };
  const codeFact: [string, string | null] = [vi ? 'Mã hồ sơ' : 'Dossier code', code];
  const procedureFact: [string, string] = [vi ? 'Thủ tục' : 'Procedure', f.procedureName];
  switch (event) {
    case 'submitted':
      return {
        ...base,
        subject: vi ? `Đã nộp hồ sơ trực tuyến${code ? ` ${code}` : ''}` : `Online application${code ? ` ${code}` : ''} submitted`,
        intro: vi
          ? `Hồ sơ của Ông/Bà đã được nộp trực tuyến${d.at ? ` lúc ${time(d.at)}` : ''} và đang chờ ${f.receivingUnit} kiểm tra, tiếp nhận.`
          : `Your application was submitted online${d.at ? ` at ${time(d.at)}` : ''} and awaits checking by ${f.receivingUnit}.`,
        facts: present([codeFact, [vi ? 'Mã tra cứu' : 'Lookup secret', d.lookupSecret], procedureFact]),
        outro: vi
          ? ['Giữ mã hồ sơ và mã tra cứu để xem tình trạng hồ sơ mà không cần đăng nhập. Không chia sẻ mã tra cứu cho người khác.']
          : ['Keep the dossier code and the lookup secret to follow the dossier without signing in. Do not share the lookup secret.'],
        sms: vi ? `Hồ sơ ${label} đã được nộp trực tuyến. Mã tra cứu đã gửi qua thư điện tử hoặc xem trên Cổng Dịch vụ công.` : `Application ${label} submitted online. See the portal or your e-mail for the lookup secret.`,
      };
    case 'received': {
      const due = d.dueAt ?? f.dueAt;
      return {
        ...base,
        subject: vi ? `Hồ sơ ${label} đã được tiếp nhận` : `Dossier ${label} received`,
        intro: vi ? `${f.receivingUnit} đã tiếp nhận hồ sơ của Ông/Bà${d.at ? ` lúc ${time(d.at)}` : ''}.` : `${f.receivingUnit} received your dossier${d.at ? ` at ${time(d.at)}` : ''}.`,
        facts: present([codeFact, procedureFact, [vi ? 'Ngày hẹn trả kết quả' : 'Result due', due === null ? null : shortDateTime(due)]]),
        sms: vi ? `Hồ sơ ${label} đã được tiếp nhận.${due === null ? '' : ` Hẹn trả kết quả: ${day(due)}.`}` : `Dossier ${label} received.${due === null ? '' : ` Result due ${day(due)}.`}`,
      };
    }
    case 'supplement_requested': {
      const items = d.items ?? [];
      return {
        ...base,
        subject: vi ? `Hồ sơ ${label} cần bổ sung, hoàn thiện` : `Dossier ${label}: documents to supplement`,
        intro: vi ? `${f.handlingUnit} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ với các nội dung sau:` : `${f.handlingUnit} asks you to complete your dossier with the following:`,
        facts: present([codeFact, procedureFact, [vi ? 'Ghi chú' : 'Note', d.note]]),
        items,
        outro: vi
          ? ['Ông/Bà nộp bổ sung trực tuyến trên Cổng Dịch vụ công hoặc tại Bộ phận Một cửa nơi đã nộp hồ sơ.']
          : ['You can send the missing items online on the public service portal or at the one-stop desk where you applied.'],
        sms: vi ? `Hồ sơ ${label} cần bổ sung ${items.length} nội dung. Xem chi tiết trên Cổng Dịch vụ công.` : `Dossier ${label}: ${items.length} item(s) to supplement. Details on the portal.`,
      };
    }
    case 'fee_due':
      return {
        ...base,
        subject: vi ? `Hồ sơ ${label}: thông báo nộp phí, lệ phí` : `Dossier ${label}: fees due`,
        intro: vi ? 'Hồ sơ của Ông/Bà đang chờ nộp phí, lệ phí để tiếp tục giải quyết.' : 'Your dossier awaits payment of fees before processing continues.',
        facts: present([codeFact, procedureFact, [vi ? 'Số tiền' : 'Amount', d.amount === undefined ? null : money(d.amount, locale)], [vi ? 'Nội dung' : 'For', d.reason]]),
        outro: vi
          ? ['Ông/Bà có thể thanh toán trực tuyến trên Cổng Dịch vụ công hoặc nộp tại Bộ phận Một cửa. Thời gian chờ nộp phí không tính vào thời hạn giải quyết.']
          : ['You can pay online on the public service portal or at the one-stop desk. The time waiting for payment does not count against the processing time.'],
        sms: vi
          ? `Hồ sơ ${label} chờ nộp phí, lệ phí${d.amount === undefined ? '' : ` ${money(d.amount, locale)}`}. Thanh toán trực tuyến tại ${portalUrl}`
          : `Dossier ${label}: fees due${d.amount === undefined ? '' : ` ${money(d.amount, locale)}`}. Pay online at ${portalUrl}`,
      };
    case 'payment_received':
      return {
        ...base,
        subject: vi ? `Hồ sơ ${label}: đã nhận thanh toán` : `Dossier ${label}: payment received`,
        intro: vi ? 'Đã nhận khoản thanh toán phí, lệ phí cho hồ sơ của Ông/Bà.' : 'The payment of fees for your dossier was received.',
        facts: present([
          codeFact,
          procedureFact,
          [vi ? 'Số tiền' : 'Amount', d.amount === undefined ? null : money(d.amount, locale)],
          [vi ? 'Hình thức' : 'Paid', d.method ? PAYMENT_METHOD_LABELS[d.method][locale] : null],
          [vi ? 'Số biên lai' : 'Receipt number', d.receiptNumber],
        ]),
        sms: vi ? `Đã nhận thanh toán${d.amount === undefined ? '' : ` ${money(d.amount, locale)}`} cho hồ sơ ${label}.` : `Payment${d.amount === undefined ? '' : ` of ${money(d.amount, locale)}`} received for dossier ${label}.`,
      };
    case 'result_ready': {
      const how = {
        online: vi ? ['Ông/Bà tải kết quả điện tử trên Cổng Dịch vụ công.', 'tải kết quả trên Cổng Dịch vụ công'] : ['Download the electronic result on the public service portal.', 'download it on the portal'],
        post: vi ? ['Kết quả được gửi đến Ông/Bà qua dịch vụ bưu chính công ích.', 'kết quả được gửi qua bưu chính'] : ['The result is sent to you by the public postal service.', 'sent by post'],
        counter: vi ? [`Mời Ông/Bà đến nhận kết quả tại ${f.receivingUnit}.`, `nhận tại ${f.receivingUnit}`] : [`Please collect the result at ${f.receivingUnit}.`, `collect it at ${f.receivingUnit}`],
      }[f.returnMethod];
      return {
        ...base,
        subject: vi ? `Hồ sơ ${label} đã có kết quả` : `Dossier ${label}: result ready`,
        intro: vi ? 'Hồ sơ của Ông/Bà đã được giải quyết và có kết quả.' : 'Your dossier has been processed and its result is ready.',
        facts: present([codeFact, procedureFact, [vi ? 'Số kết quả' : 'Result number', d.number], [vi ? 'Tệp kết quả' : 'Result file', d.filename]]),
        outro: [how[0]],
        sms: vi ? `Hồ sơ ${label} đã có kết quả: ${how[1]}.` : `Dossier ${label}: result ready, ${how[1]}.`,
      };
    }
    case 'apology':
      return {
        ...base,
        subject: vi ? `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${label}` : `Apology and new result date for dossier ${label}`,
        intro: vi
          ? `${f.handlingUnit} chân thành xin lỗi Ông/Bà vì hồ sơ chưa được giải quyết đúng thời hạn đã hẹn.`
          : `${f.handlingUnit} sincerely apologises: your dossier could not be processed by the date promised.`,
        facts: present([codeFact, procedureFact, [vi ? 'Lý do' : 'Reason', d.reason], [vi ? 'Ngày hẹn trả kết quả mới' : 'New result date', d.newDueAt === undefined ? null : shortDateTime(d.newDueAt)]]),
        sms: vi
          ? `Xin lỗi Ông/Bà: hồ sơ ${label} chậm so với hẹn.${d.newDueAt === undefined ? '' : ` Hẹn trả kết quả mới: ${day(d.newDueAt)}.`}`
          : `We apologise: dossier ${label} is late.${d.newDueAt === undefined ? '' : ` New result date ${day(d.newDueAt)}.`}`,
      };
    case 'refused':
      return {
        ...base,
        subject: vi ? `Hồ sơ ${label} không được tiếp nhận` : `Dossier ${label} not accepted`,
        intro: vi ? `${f.receivingUnit} không tiếp nhận hồ sơ của Ông/Bà.` : `${f.receivingUnit} did not accept your dossier.`,
        facts: present([codeFact, procedureFact, [vi ? 'Lý do' : 'Reason', d.reason]]),
        outro: vi ? ['Ông/Bà có thể liên hệ Bộ phận Một cửa để được hướng dẫn.'] : ['The one-stop desk can tell you what to do next.'],
        sms: vi ? `Hồ sơ ${label} không được tiếp nhận. Xem lý do trên Cổng Dịch vụ công.` : `Dossier ${label} not accepted. See the reason on the portal.`,
      };
    case 'feedback_answered':
      return {
        ...base,
        subject: vi ? `Phản ánh, kiến nghị về hồ sơ ${label} đã được trả lời` : `Your feedback on dossier ${label} was answered`,
        intro: vi ? `${f.handlingUnit} đã trả lời phản ánh, kiến nghị của Ông/Bà.` : `${f.handlingUnit} answered your feedback.`,
        facts: present([codeFact, procedureFact, [vi ? 'Về việc' : 'Subject', d.subject], [vi ? 'Nội dung trả lời' : 'Answer', d.answer]]),
        sms: vi ? `Phản ánh, kiến nghị về hồ sơ ${label} đã được trả lời. Xem trên Cổng Dịch vụ công.` : `Your feedback on dossier ${label} was answered. See the portal.`,
      };
  }
}
