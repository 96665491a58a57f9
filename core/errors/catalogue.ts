/**
 * Every error the system can return: a stable code, the HTTP status it maps to,
 * and a message a citizen can read in Vietnamese (default) and English.
 * Codes are part of the public API: never rename one, only add.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The submitted data is not valid.' },
  MALFORMED_JSON: { status: 400, vi: 'Nội dung yêu cầu không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Kiểu nội dung không được hỗ trợ.', en: 'Unsupported content type.' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Nội dung gửi lên quá lớn.', en: 'The request body is too large.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy dữ liệu yêu cầu.', en: 'The requested resource was not found.' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Địa chỉ API không tồn tại.', en: 'No such API route.' },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  RATE_LIMITED: { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.', en: 'Too many requests, please try again in a few minutes.' },
  INTERNAL_ERROR: { status: 500, vi: 'Hệ thống gặp lỗi, vui lòng thử lại sau.', en: 'An internal error occurred, please try again later.' },
  CONFLICT: { status: 409, vi: 'Dữ liệu đã bị thay đổi bởi thao tác khác, vui lòng tải lại.', en: 'The data was changed by another action, please reload.' },

  AUTH_REQUIRED: { status: 401, vi: 'Vui lòng đăng nhập để tiếp tục.', en: 'Please sign in to continue.' },
  AUTH_SESSION_EXPIRED: { status: 401, vi: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.', en: 'Your session has expired, please sign in again.' },
  AUTH_INVALID_CREDENTIALS: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  AUTH_ACCOUNT_LOCKED: { status: 423, vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau {{minutes}} phút.', en: 'The account is temporarily locked after repeated failed sign-ins. Try again in {{minutes}} minutes.' },
  AUTH_ACCOUNT_DISABLED: { status: 403, vi: 'Tài khoản đã bị vô hiệu hóa.', en: 'This account is disabled.' },
  AUTH_CSRF_INVALID: { status: 403, vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF). Vui lòng tải lại trang.', en: 'Missing or invalid CSRF token. Please reload the page.' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  FORBIDDEN_OUTSIDE_UNIT: { status: 403, vi: 'Bản ghi này thuộc đơn vị ngoài phạm vi được phân quyền của bạn.', en: 'This record belongs to a unit outside your scope.' },

  UNIT_CODE_TAKEN: { status: 409, vi: 'Mã định danh đơn vị đã được sử dụng.', en: 'The unit identifier code is already in use.' },
  UNIT_PARENT_INVALID: { status: 400, vi: 'Đơn vị cấp trên không hợp lệ (không tồn tại, đã giải thể hoặc tạo vòng lặp).', en: 'Invalid parent unit (missing, dissolved or creating a cycle).' },
  UNIT_ALREADY_CLOSED: { status: 409, vi: 'Đơn vị đã ngừng hoạt động.', en: 'The unit is no longer active.' },
  UNIT_SUCCESSOR_INVALID: { status: 400, vi: 'Đơn vị tiếp nhận không hợp lệ.', en: 'Invalid successor unit.' },
  USERNAME_TAKEN: { status: 409, vi: 'Tên đăng nhập đã tồn tại.', en: 'The username is already taken.' },
  PASSWORD_TOO_WEAK: { status: 400, vi: 'Mật khẩu phải có ít nhất 10 ký tự, gồm chữ và số.', en: 'The password must have at least 10 characters, with letters and digits.' },
  ROLE_SCOPE_INVALID: { status: 400, vi: 'Vai trò không thể gán cho loại đơn vị này.', en: 'This role cannot be assigned to this kind of unit.' },

  CONFIG_INVALID: { status: 500, vi: 'Cấu hình hệ thống không hợp lệ.', en: 'Invalid system configuration.' },

  // calendar
  CALENDAR_DATE_INVALID: { status: 400, vi: 'Ngày hoặc thời điểm không hợp lệ (định dạng YYYY-MM-DD hoặc ISO 8601).', en: 'Invalid date or instant (expected YYYY-MM-DD or ISO 8601).' },
  CALENDAR_OFFSET_REQUIRED: { status: 400, vi: 'Thời điểm phải ghi rõ múi giờ, ví dụ 2026-03-02T08:00:00+07:00.', en: 'The instant must carry a UTC offset, e.g. 2026-03-02T08:00:00+07:00.' },
  CALENDAR_AMOUNT_INVALID: { status: 400, vi: 'Thời hạn phải là số nguyên dương.', en: 'The amount must be a positive integer.' },
  CALENDAR_UNIT_INVALID: { status: 400, vi: 'Đơn vị thời hạn phải là working_days, working_hours hoặc calendar_days.', en: 'The unit must be working_days, working_hours or calendar_days.' },
  CALENDAR_RANGE_INVALID: { status: 400, vi: 'Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.', en: 'The start date must not be after the end date.' },
  CALENDAR_RANGE_TOO_LONG: { status: 400, vi: 'Khoảng thời gian tra cứu không được vượt quá 10 năm.', en: 'The requested range must not exceed 10 years.' },
  CALENDAR_YEAR_OUT_OF_RANGE: { status: 400, vi: 'Lịch chỉ hỗ trợ các năm từ 1900 đến 2199.', en: 'The calendar only supports the years 1900 to 2199.' },
  CALENDAR_HOURS_INVALID: { status: 400, vi: 'Giờ làm việc không hợp lệ: các khoảng phải theo dạng HH:mm, tăng dần và không chồng lấn.', en: 'Invalid working hours: periods must be HH:mm, ascending and non-overlapping.' },
  CALENDAR_IMPORT_INVALID: { status: 400, vi: 'Tệp lịch làm việc chính thức không hợp lệ ở dòng {{line}}: {{reason}}.', en: 'Invalid official schedule file at line {{line}}: {{reason}}.' },
  DEADLINE_EVENT_INVALID: { status: 409, vi: 'Sự kiện {{event}} không hợp lệ ở trạng thái hiện tại của thời hạn giải quyết.', en: 'Event {{event}} is not valid in the current state of the processing clock.' },
  DEADLINE_REDATE_ALREADY_USED: { status: 409, vi: 'Hồ sơ đã được hẹn lại ngày trả kết quả một lần, không được hẹn lại lần nữa.', en: 'The dossier has already been re-dated once and cannot be re-dated again.' },
  DEADLINE_REDATE_EARLIER: { status: 400, vi: 'Ngày hẹn trả mới không được sớm hơn ngày hẹn trả hiện tại.', en: 'The new return date cannot be earlier than the current due date.' },
  DEADLINE_BUDGET_INVALID: { status: 400, vi: 'Thời hạn hoặc phân bổ thời gian cho các bước xử lý không hợp lệ.', en: 'Invalid legal time or step budget split.' },
  DEADLINE_STEP_UNKNOWN: { status: 400, vi: 'Bước xử lý {{step}} không có trong quy trình.', en: 'Step {{step}} is not part of the workflow.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Locale = 'vi' | 'en';

/** Renders the message for a code in a locale, filling `{{name}}` placeholders. */
export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  const template: string = ERRORS[code][locale];
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}
