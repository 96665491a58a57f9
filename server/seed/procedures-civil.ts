import type { FieldGroup } from './procedures-builder';

/** Demo catalogue, part 1: civil status, authentication, judicial records, judicial support, business registration. */
export const CIVIL_FIELDS: FieldGroup[] = [
  {
    code: 'HOTICH',
    name: 'Hộ tịch',
    dept: 'tuphap',
    legalBasis: 'Luật Hộ tịch số 60/2014/QH13; Nghị định số 123/2015/NĐ-CP; Thông tư số 04/2020/TT-BTP',
    why: 'Người yêu cầu phải có mặt để ký vào Sổ hộ tịch và nhận kết quả theo quy định của Luật Hộ tịch.',
    items: [
      ['1.001193', 'Đăng ký khai sinh', 'c', 0, null, 'full', ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Văn bản ủy quyền (trường hợp ủy quyền)'], 'Giấy khai sinh'],
      ['1.000894', 'Đăng ký kết hôn', 'c', 0, null, 'partial', ['Tờ khai đăng ký kết hôn', 'Giấy xác nhận tình trạng hôn nhân (trường hợp cư trú nơi khác)'], 'Giấy chứng nhận kết hôn'],
      ['1.000656', 'Đăng ký khai tử', 'c', 0, null, 'full', ['Tờ khai đăng ký khai tử', 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử'], 'Trích lục khai tử'],
      ['1.001022', 'Đăng ký nhận cha, mẹ, con', 'c', 3, 15000, 'partial', ['Tờ khai đăng ký nhận cha, mẹ, con', 'Văn bản của cơ quan y tế xác nhận quan hệ cha, mẹ, con hoặc chứng cứ chứng minh'], 'Trích lục đăng ký nhận cha, mẹ, con'],
      ['1.000689', 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con', 'c', 3, 15000, 'partial', ['Tờ khai đăng ký khai sinh', 'Tờ khai đăng ký nhận cha, mẹ, con', 'Giấy chứng sinh', 'Chứng cứ chứng minh quan hệ cha, mẹ, con'], 'Giấy khai sinh; Trích lục đăng ký nhận cha, mẹ, con'],
      ['1.004859', 'Thay đổi, cải chính, bổ sung thông tin hộ tịch', 'c', 3, 15000, 'full', ['Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung'], 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch'],
      ['1.004873', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'c', 3, 15000, 'full', ['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Bản sao bản án, quyết định ly hôn (trường hợp đã ly hôn)'], 'Giấy xác nhận tình trạng hôn nhân'],
      ['1.004884', 'Đăng ký lại khai sinh', 'c', 5, 15000, 'partial', ['Tờ khai đăng ký lại khai sinh', 'Bản sao giấy tờ có thông tin về họ tên, ngày sinh của người đăng ký'], 'Giấy khai sinh'],
      ['1.004837', 'Đăng ký giám hộ', 'c', 3, null, 'partial', ['Tờ khai đăng ký giám hộ', 'Văn bản cử người giám hộ'], 'Trích lục đăng ký giám hộ'],
      ['2.000635', 'Cấp bản sao trích lục hộ tịch', 'c', 0, 8000, 'full', ['Tờ khai cấp bản sao trích lục hộ tịch'], 'Bản sao trích lục hộ tịch'],
      ['1.001695', 'Đăng ký khai sinh có yếu tố nước ngoài', 'c', 3, 75000, 'partial', ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Văn bản thỏa thuận lựa chọn quốc tịch cho con (nếu có)'], 'Giấy khai sinh'],
      ['1.001702', 'Đăng ký kết hôn có yếu tố nước ngoài', 'c', 15, 1500000, 'none', ['Tờ khai đăng ký kết hôn', 'Giấy xác nhận của tổ chức y tế về việc không mắc bệnh tâm thần', 'Bản sao hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu'], 'Giấy chứng nhận kết hôn'],
    ],
  },
  {
    code: 'CHUNGTHUC',
    name: 'Chứng thực',
    dept: 'tuphap',
    legalBasis: 'Nghị định số 23/2015/NĐ-CP; Nghị định số 07/2025/NĐ-CP; Thông tư số 226/2016/TT-BTC',
    why: 'Người yêu cầu chứng thực chữ ký, hợp đồng phải ký trước mặt người thực hiện chứng thực.',
    items: [
      ['2.000908', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp', 'c', 0, '2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản', 'partial', ['Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', 'Bản sao cần chứng thực'], 'Bản sao được chứng thực từ bản chính', 'co'],
      ['2.000884', 'Chứng thực chữ ký trong các giấy tờ, văn bản', 'c', 0, 10000, 'none', ['Giấy tờ, văn bản mà mình sẽ ký', 'Bản sao giấy tờ tùy thân còn giá trị sử dụng'], 'Giấy tờ, văn bản được chứng thực chữ ký'],
      ['2.001035', 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở', 'c', 2, 50000, 'none', ['Dự thảo hợp đồng, giao dịch', 'Bản sao giấy tờ tùy thân của người yêu cầu chứng thực', 'Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản'], 'Hợp đồng, giao dịch được chứng thực'],
      ['2.001019', 'Chứng thực di chúc', 'c', 2, 50000, 'none', ['Dự thảo di chúc', 'Bản sao giấy tờ tùy thân của người lập di chúc'], 'Di chúc được chứng thực'],
    ],
  },
  {
    code: 'LLTP',
    name: 'Lý lịch tư pháp',
    dept: 'tuphap',
    legalBasis: 'Luật Lý lịch tư pháp số 28/2009/QH12; Nghị định số 111/2010/NĐ-CP; Thông tư số 244/2016/TT-BTC',
    why: 'Thủ tục cấp cho người nước ngoài cần xác minh với cơ quan ngoài hệ thống, chưa kết nối dữ liệu.',
    items: [
      ['2.000488', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', 'p', 10, 200000, 'full', ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Bản chụp giấy tờ tùy thân'], 'Phiếu lý lịch tư pháp'],
      ['2.000505', 'Cấp Phiếu lý lịch tư pháp cho người nước ngoài đã cư trú tại Việt Nam', 'p', 15, 200000, 'partial', ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Bản chụp hộ chiếu', 'Bản chụp giấy tờ chứng minh thời gian cư trú tại Việt Nam'], 'Phiếu lý lịch tư pháp'],
      ['2.000522', 'Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, cơ quan tiến hành tố tụng', 'p', 10, null, 'partial', ['Văn bản yêu cầu cấp Phiếu lý lịch tư pháp của cơ quan'], 'Phiếu lý lịch tư pháp', 'o'],
    ],
  },
  {
    code: 'BOTROTP',
    name: 'Bổ trợ tư pháp',
    dept: 'tuphap',
    legalBasis: 'Luật Công chứng số 46/2024/QH15; Luật Luật sư số 65/2006/QH11 (sửa đổi 2012)',
    why: 'Cần đối chiếu hồ sơ gốc và kiểm tra trụ sở trước khi cấp phép.',
    items: [
      ['1.001071', 'Đăng ký hoạt động Văn phòng công chứng', 'p', 10, 1000000, 'partial', ['Đơn đề nghị đăng ký hoạt động', 'Quyết định cho phép thành lập Văn phòng công chứng', 'Giấy tờ chứng minh về trụ sở'], 'Giấy đăng ký hoạt động Văn phòng công chứng', 'o'],
      ['1.002032', 'Đăng ký hoạt động của tổ chức hành nghề luật sư', 'p', 10, 100000, 'partial', ['Giấy đề nghị đăng ký hoạt động', 'Dự thảo Điều lệ công ty luật', 'Bản sao Chứng chỉ hành nghề luật sư'], 'Giấy đăng ký hoạt động', 'o'],
      ['2.000815', 'Thành lập Trung tâm hòa giải thương mại', 'p', 30, 'Theo quy định của Bộ Tài chính', 'none', ['Đơn đề nghị thành lập', 'Dự thảo Điều lệ Trung tâm', 'Danh sách sáng lập viên'], 'Giấy đăng ký hoạt động', 'o'],
    ],
  },
  {
    code: 'HKD',
    name: 'Thành lập và hoạt động của hộ kinh doanh',
    dept: 'taichinh',
    legalBasis: 'Luật Doanh nghiệp số 59/2020/QH14; Nghị định số 168/2025/NĐ-CP về đăng ký doanh nghiệp',
    why: 'Hồ sơ có thể nộp trực tuyến; kết quả bản giấy trả tại Bộ phận Một cửa theo yêu cầu.',
    items: [
      ['1.001612', 'Đăng ký thành lập hộ kinh doanh', 'c', 3, 100000, 'full', ['Giấy đề nghị đăng ký hộ kinh doanh', 'Bản sao biên bản họp thành viên hộ gia đình (trường hợp các thành viên cùng đăng ký)'], 'Giấy chứng nhận đăng ký hộ kinh doanh'],
      ['2.000720', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 'c', 3, 100000, 'full', ['Thông báo thay đổi nội dung đăng ký hộ kinh doanh', 'Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh'], 'Giấy chứng nhận đăng ký hộ kinh doanh'],
      ['2.000575', 'Tạm ngừng hoạt động hộ kinh doanh', 'c', 3, null, 'full', ['Thông báo tạm ngừng kinh doanh'], 'Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh'],
      ['1.001266', 'Chấm dứt hoạt động hộ kinh doanh', 'c', 3, null, 'full', ['Thông báo chấm dứt hoạt động hộ kinh doanh', 'Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh'], 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh'],
    ],
  },
  {
    code: 'DKDN',
    name: 'Đăng ký doanh nghiệp',
    dept: 'taichinh',
    legalBasis: 'Luật Doanh nghiệp số 59/2020/QH14; Nghị định số 168/2025/NĐ-CP; Thông tư số 47/2019/TT-BTC',
    why: 'Áp dụng toàn trình qua Hệ thống thông tin quốc gia về đăng ký doanh nghiệp.',
    items: [
      ['2.001610', 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên', 'p', 3, 50000, 'full', ['Giấy đề nghị đăng ký doanh nghiệp', 'Điều lệ công ty', 'Bản sao giấy tờ pháp lý của chủ sở hữu'], 'Giấy chứng nhận đăng ký doanh nghiệp', 'co'],
      ['2.002042', 'Đăng ký thành lập doanh nghiệp tư nhân', 'p', 3, 50000, 'full', ['Giấy đề nghị đăng ký doanh nghiệp', 'Bản sao giấy tờ pháp lý của chủ doanh nghiệp tư nhân'], 'Giấy chứng nhận đăng ký doanh nghiệp'],
      ['1.005366', 'Đăng ký thay đổi người đại diện theo pháp luật của công ty', 'p', 3, 50000, 'full', ['Thông báo thay đổi nội dung đăng ký doanh nghiệp', 'Nghị quyết, quyết định của chủ sở hữu hoặc Hội đồng thành viên'], 'Giấy chứng nhận đăng ký doanh nghiệp', 'o'],
      ['2.001199', 'Thông báo tạm ngừng kinh doanh của doanh nghiệp', 'p', 3, null, 'full', ['Thông báo tạm ngừng kinh doanh', 'Nghị quyết, quyết định của chủ sở hữu'], 'Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh', 'o'],
    ],
  },
];
