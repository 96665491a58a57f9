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

  // uploads
  UPLOAD_EMPTY: { status: 400, vi: 'Tệp tải lên rỗng.', en: 'The uploaded file is empty.' },
  UPLOAD_TOO_LARGE: { status: 413, vi: 'Tệp vượt quá dung lượng cho phép ({{mb}} MB).', en: 'The file exceeds the allowed size ({{mb}} MB).' },
  UPLOAD_TYPE_NOT_ALLOWED: { status: 415, vi: 'Chỉ chấp nhận tệp PDF, JPEG hoặc PNG (nội dung tệp không phải định dạng này).', en: 'Only PDF, JPEG or PNG files are accepted (the file content is not one of these).' },
  UPLOAD_CORRUPT: { status: 400, vi: 'Tệp bị hỏng hoặc không đầy đủ, vui lòng quét hoặc tải lại.', en: 'The file is damaged or incomplete; please scan or upload it again.' },
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
  // catalogue
  PROCEDURE_INVALID: { status: 400, vi: 'Thông tin thủ tục hành chính chưa hợp lệ, vui lòng xem lỗi ở từng trường.', en: 'The procedure is not valid; see the error of each field.' },
  PROCEDURE_CODE_INVALID: { status: 400, vi: 'Mã thủ tục phải có dạng N.NNNNNN, ví dụ 1.001612.', en: 'The procedure code must look like N.NNNNNN, e.g. 1.001612.' },
  PROCEDURE_CODE_DUPLICATE: { status: 400, vi: 'Mã thủ tục {{code}} xuất hiện nhiều lần trong tệp (đã có ở dòng {{first}}).', en: 'Procedure code {{code}} appears more than once in the file (first at row {{first}}).' },
  PROCEDURE_CODE_TAKEN: { status: 409, vi: 'Mã thủ tục đã có trong danh mục.', en: 'This procedure code is already in the catalogue.' },
  PROCEDURE_CODE_MISMATCH: { status: 400, vi: 'Mã thủ tục trong nội dung không khớp với địa chỉ cập nhật.', en: 'The procedure code in the body does not match the address.' },
  PROCEDURE_NAME_REQUIRED: { status: 400, vi: 'Thiếu tên thủ tục hành chính.', en: 'The procedure name is missing.' },
  PROCEDURE_REQUIRED: { status: 400, vi: 'Thiếu thông tin bắt buộc: {{field}}.', en: 'A required value is missing: {{field}}.' },
  PROCEDURE_VALUE_INVALID: { status: 400, vi: 'Giá trị không hợp lệ ở trường {{field}}.', en: 'Invalid value in {{field}}.' },
  PROCEDURE_LEVEL_UNKNOWN: { status: 400, vi: 'Cấp thực hiện phải là province (cấp tỉnh), district (cấp huyện) hoặc commune (cấp xã).', en: 'The level must be province, district or commune.' },
  PROCEDURE_ONLINE_LEVEL_UNKNOWN: { status: 400, vi: 'Mức độ trực tuyến phải là full (toàn trình), partial (một phần) hoặc none (không trực tuyến).', en: 'The online level must be full, partial or none.' },
  PROCEDURE_ONLINE_JUSTIFICATION_REQUIRED: { status: 400, vi: 'Thủ tục chưa cung cấp dịch vụ công trực tuyến toàn trình phải công khai lý do.', en: 'A procedure that is not full-process online must state the public reason.' },
  PROCEDURE_TIME_INVALID: { status: 400, vi: 'Thời hạn giải quyết phải lớn hơn 0; chỉ thủ tục trả kết quả ngay (đơn vị immediate) mới có thời hạn bằng 0.', en: 'The processing time must be greater than 0; only an immediate result (unit immediate) has a time of 0.' },
  PROCEDURE_FEE_NEGATIVE: { status: 400, vi: 'Mức phí, lệ phí không được là số âm.', en: 'A fee cannot be negative.' },
  PROCEDURE_FEE_EMPTY: { status: 400, vi: 'Phí, lệ phí phải ghi số tiền hoặc cách tính.', en: 'A fee needs an amount or a rule.' },
  PROCEDURE_UNIT_UNKNOWN: { status: 400, vi: 'Không có cơ quan nào mang mã định danh {{unit}}.', en: 'No unit has the identifier {{unit}}.' },
  PROCEDURE_UNIT_OUT_OF_SCOPE: { status: 403, vi: 'Cơ quan {{unit}} nằm ngoài phạm vi được phân quyền của bạn.', en: 'Unit {{unit}} is outside your scope.' },
  PROCEDURE_STEPS_SUM: { status: 400, vi: 'Tổng thời gian các bước xử lý ({{sum}}) phải bằng thời hạn giải quyết ({{total}}).', en: 'The step times ({{sum}}) must add up to the processing time ({{total}}).' },
  CATALOGUE_IMPORT_REJECTED: { status: 422, vi: 'Tệp nhập có {{count}} lỗi nên chưa có dữ liệu nào được ghi. Vui lòng sửa các dòng được liệt kê rồi nhập lại.', en: 'The file has {{count}} error(s), so nothing was written. Fix the rows listed and import again.' },
  CATALOGUE_FILE_MISSING: { status: 400, vi: 'Chưa chọn tệp để nhập.', en: 'No file was sent.' },
  CATALOGUE_FILE_UNSUPPORTED: { status: 400, vi: 'Chỉ nhận tệp .json, .xlsx hoặc .csv.', en: 'Only .json, .xlsx or .csv files are accepted.' },
  CATALOGUE_FILE_CORRUPT: { status: 400, vi: 'Tệp không đọc được: nội dung không phải {{kind}} hợp lệ.', en: 'The file cannot be read: its content is not valid {{kind}}.' },
  CATALOGUE_SHEET_MISSING: { status: 400, vi: 'Tệp thiếu trang tính hoặc cột bắt buộc: {{name}}.', en: 'The file lacks a required sheet or column: {{name}}.' },
  CATALOGUE_ROW_ORPHAN: { status: 400, vi: 'Dòng này dẫn chiếu mã thủ tục {{code}} không có trong trang thủ tục.', en: 'This row refers to procedure {{code}}, which is not in the procedures sheet.' },
  CATALOGUE_FORM_TYPE_NOT_ALLOWED: { status: 415, vi: 'Mẫu đơn, tờ khai phải là tệp PDF, Word (.doc, .docx), Excel (.xlsx) hoặc OpenDocument (.odt) — nội dung tệp không phải định dạng này.', en: 'A form template must be a PDF, Word (.doc, .docx), Excel (.xlsx) or OpenDocument (.odt) file — the content is not one of these.' },
  PUBLICATION_DECISION_TAKEN: { status: 409, vi: 'Quyết định số {{number}} đã được ghi nhận.', en: 'Decision {{number}} is already recorded.' },
  PUBLICATION_SOURCE_INVALID: { status: 400, vi: 'Quyết định công bố của Bộ, ngành được dẫn chiếu không tồn tại.', en: 'The referenced ministry decision does not exist.' },
  PUBLICATION_ALREADY_PUBLICISED: { status: 409, vi: 'Quyết định này đã được công khai trên Cơ sở dữ liệu quốc gia về TTHC.', en: 'This decision has already been publicised.' },
  PUBLICATION_DATE_INVALID: { status: 400, vi: 'Ngày công khai không được trước ngày ký quyết định.', en: 'The publicising date cannot be before the signing date.' },

  // dossier
  IDENTITY_CCCD_INVALID: { status: 400, vi: 'Số định danh cá nhân (CCCD) không hợp lệ: phải gồm 12 chữ số, bắt đầu bằng mã tỉnh nơi đăng ký khai sinh, mã thế kỷ và giới tính, năm sinh.', en: 'Invalid citizen identity number (CCCD): 12 digits starting with a valid province code, century/sex digit and birth year.' },
  IDENTITY_TAX_CODE_INVALID: { status: 400, vi: 'Mã số thuế không hợp lệ: phải gồm 10 chữ số với chữ số kiểm tra đúng, hoặc 13 chữ số (mã đơn vị phụ thuộc từ 001 đến 999).', en: 'Invalid tax code: 10 digits with a correct check digit, or 13 digits (branch 001 to 999).' },
  DOSSIER_CODE_INVALID: { status: 400, vi: 'Mã hồ sơ phải có dạng <mã cơ quan>-<YYMMDD>-<NNNN>, ví dụ 000.00.15.H26-261130-0001.', en: 'The dossier code must look like <agency code>-<YYMMDD>-<NNNN>, e.g. 000.00.15.H26-261130-0001.' },
  DOSSIER_ACTION_UNKNOWN: { status: 404, vi: 'Thao tác {{action}} không tồn tại.', en: 'There is no action {{action}}.' },
  DOSSIER_ACTION_NOT_ALLOWED: { status: 409, vi: 'Thao tác này không được phép ở trạng thái hiện tại của hồ sơ. Vui lòng tải lại hồ sơ để xem các thao tác được phép.', en: 'This action is not allowed in the dossier’s current status. Reload the dossier to see the allowed actions.' },
  DOSSIER_ROLE_NOT_ALLOWED: { status: 403, vi: 'Vai trò của bạn không được thực hiện thao tác này đối với hồ sơ.', en: 'Your role may not perform this action on the dossier.' },
  DOSSIER_STAGE_INVALID: { status: 409, vi: 'Hồ sơ chưa đến bước xử lý cho phép thao tác này.', en: 'The dossier has not reached the step where this action is allowed.' },
  DOSSIER_VERSION_STALE: { status: 409, vi: 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại để xem trạng thái mới nhất rồi thao tác lại.', en: 'The dossier was just updated by someone else. Reload it to see its latest state, then try again.' },
  DOSSIER_COMPONENTS_MISSING: { status: 400, vi: 'Hồ sơ còn thiếu thành phần bắt buộc: {{items}}. Vui lòng lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.', en: 'Required components are missing: {{items}}. Issue a supplement request instead.' },
  DOSSIER_COMPONENT_UNKNOWN: { status: 400, vi: 'Thành phần {{component}} không thuộc thủ tục của hồ sơ.', en: 'Component {{component}} is not part of the dossier’s procedure.' },
  DOSSIER_SUPPLEMENT_TOO_LATE: { status: 409, vi: 'Chỉ được yêu cầu bổ sung hồ sơ trong thời hạn 03 ngày làm việc kể từ ngày tiếp nhận.', en: 'A supplement can only be requested within 3 working days of receipt.' },
  DOSSIER_APOLOGY_ALREADY_ISSUED: { status: 409, vi: 'Hồ sơ đã có Phiếu xin lỗi và hẹn lại ngày trả kết quả; mỗi hồ sơ chỉ được hẹn lại một lần.', en: 'An apology has already been issued for this dossier; it can be re-dated only once.' },
  DOSSIER_APOLOGY_TOO_LATE: { status: 409, vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả phải được lập chậm nhất vào ngày làm việc trước ngày hẹn trả kết quả ({{dueAt}}).', en: 'The apology must be issued by the working day before the due date ({{dueAt}}) at the latest.' },
  DOSSIER_REASON_REQUIRED: { status: 400, vi: 'Vui lòng ghi rõ lý do.', en: 'Please state the reason.' },
  DOSSIER_RETURN_DETAILS_REQUIRED: { status: 400, vi: 'Thiếu thông tin trả kết quả: trả trực tiếp cần ghi người nhận, trả qua bưu chính cần số hiệu bưu gửi, trả trực tuyến cần có kết quả điện tử.', en: 'Missing return details: a counter return needs who collected it, a postal return the tracking number, an online return an electronic result.' },
  DOSSIER_TRANSFER_TARGET_INVALID: { status: 400, vi: 'Cơ quan nhận liên thông phải khác cơ quan đang xử lý hồ sơ.', en: 'The inter-agency recipient must differ from the unit now handling the dossier.' },
  DOSSIER_POSTAL_DETAILS_REQUIRED: { status: 400, vi: 'Hồ sơ nộp qua bưu chính công ích cần có số hiệu bưu gửi và thời điểm bưu điện chuyển đến.', en: 'A postal dossier needs the tracking number and the time the post delivered it.' },
  DOSSIER_FORM_NOT_AVAILABLE: { status: 404, vi: 'Hồ sơ không có biểu mẫu {{form}}.', en: 'The dossier has no form {{form}}.' },
  // dossiers-server
  DOSSIER_PROCEDURE_UNKNOWN: { status: 400, vi: 'Không tìm thấy thủ tục hành chính có mã {{code}} đang áp dụng.', en: 'No procedure in force has the code {{code}}.' },
  DOSSIER_PROCEDURE_NOT_RECEIVED_HERE: { status: 400, vi: 'Đơn vị của bạn không tiếp nhận hồ sơ của thủ tục {{code}}. Vui lòng hướng dẫn người nộp đến nơi tiếp nhận ghi trong thủ tục.', en: 'Your unit does not receive dossiers of procedure {{code}}. Direct the applicant to the receiving unit named in the procedure.' },
  DOSSIER_UNIT_UNKNOWN: { status: 400, vi: 'Không tìm thấy cơ quan, đơn vị đang hoạt động có mã {{unit}}.', en: 'No active unit has the code {{unit}}.' },
  DOSSIER_FILE_REQUIRED: { status: 400, vi: 'Vui lòng gửi kèm một tệp và mã thành phần hồ sơ.', en: 'Send one file with the component id.' },
  // dossier book (Mẫu 06)
  DOSSIER_BOOK_PERIOD_INVALID: { status: 400, vi: 'Ngày bắt đầu ({{from}}) phải trước hoặc trùng ngày kết thúc ({{to}}) của sổ theo dõi hồ sơ.', en: 'The book’s start date ({{from}}) must not be after its end date ({{to}}).' },
  DOSSIER_BOOK_PERIOD_TOO_LONG: { status: 400, vi: 'Mỗi sổ theo dõi hồ sơ chỉ được lập cho tối đa {{max}} ngày; vui lòng chọn khoảng thời gian ngắn hơn.', en: 'A dossier book covers at most {{max}} days; choose a shorter period.' },
  DOSSIER_BOOK_TOO_LARGE: { status: 400, vi: 'Sổ có {{count}} hồ sơ, vượt quá {{max}} hồ sơ của một bản PDF; vui lòng chọn khoảng thời gian ngắn hơn hoặc tải bản Excel.', en: 'The book has {{count}} dossiers, more than the {{max}} one PDF can hold; choose a shorter period or download the Excel file.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Locale = 'vi' | 'en';

/** Renders the message for a code in a locale, filling `{{name}}` placeholders. */
export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  const template: string = ERRORS[code][locale];
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}
