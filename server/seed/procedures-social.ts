import type { FieldGroup } from './procedures-builder';

/** Demo catalogue, part 3: education, health, culture, tourism, trade, fisheries, emulation, science, investment, complaints. */
export const SOCIAL_FIELDS: FieldGroup[] = [
  {
    code: 'GDDT',
    name: 'Giáo dục và Đào tạo',
    dept: 'gddt',
    legalBasis: 'Luật Giáo dục số 43/2019/QH14; Nghị định số 125/2024/NĐ-CP; Thông tư số 21/2019/TT-BGDĐT',
    why: 'Cần kiểm tra thực tế cơ sở vật chất trước khi cho phép hoạt động giáo dục.',
    items: [
      ['1.004443', 'Cho phép thành lập nhà trường, nhà trẻ tư thục', 'c', 20, null, 'none', ['Tờ trình đề nghị cho phép thành lập', 'Đề án thành lập nhà trường, nhà trẻ', 'Bản sao giấy tờ về quyền sử dụng đất'], 'Quyết định cho phép thành lập', 'o'],
      ['1.001639', 'Chuyển trường đối với học sinh trung học phổ thông', 'p', 3, null, 'full', ['Đơn xin chuyển trường của cha mẹ học sinh', 'Học bạ', 'Giấy giới thiệu chuyển trường của nhà trường nơi đi'], 'Quyết định tiếp nhận học sinh'],
      ['1.005092', 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 'p', 2, 3000, 'full', ['Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc'], 'Bản sao văn bằng, chứng chỉ từ sổ gốc'],
      ['1.000288', 'Chỉnh sửa nội dung văn bằng, chứng chỉ', 'p', 5, null, 'full', ['Đơn đề nghị chỉnh sửa văn bằng, chứng chỉ', 'Văn bằng, chứng chỉ đề nghị chỉnh sửa', 'Bản sao giấy khai sinh hoặc quyết định cải chính hộ tịch'], 'Văn bằng, chứng chỉ đã được chỉnh sửa'],
      ['1.006390', 'Cấp giấy phép tổ chức hoạt động dạy thêm, học thêm ngoài nhà trường', 'c', 10, null, 'partial', ['Đơn đề nghị cấp giấy phép', 'Danh sách người tham gia dạy thêm', 'Bản sao văn bằng của người dạy thêm'], 'Giấy phép tổ chức hoạt động dạy thêm'],
    ],
  },
  {
    code: 'KCB',
    name: 'Khám bệnh, chữa bệnh',
    dept: 'yte',
    legalBasis: 'Luật Khám bệnh, chữa bệnh số 15/2023/QH15; Nghị định số 96/2023/NĐ-CP; Thông tư số 59/2023/TT-BTC',
    why: 'Phải thẩm định thực tế cơ sở khám bệnh, chữa bệnh trước khi cấp giấy phép.',
    items: [
      ['1.012269', 'Cấp mới giấy phép hành nghề khám bệnh, chữa bệnh', 'p', 20, 360000, 'full', ['Đơn đề nghị cấp giấy phép hành nghề', 'Bản sao văn bằng chuyên môn', 'Giấy chứng nhận đủ sức khỏe để hành nghề', 'Ảnh chân dung cỡ 4x6 cm'], 'Giấy phép hành nghề khám bệnh, chữa bệnh'],
      ['1.012298', 'Cấp mới giấy phép hoạt động đối với phòng khám đa khoa', 'p', 60, 5700000, 'partial', ['Đơn đề nghị cấp giấy phép hoạt động', 'Bản sao giấy tờ chứng minh đủ điều kiện cơ sở vật chất', 'Danh sách người hành nghề'], 'Giấy phép hoạt động khám bệnh, chữa bệnh', 'o'],
      ['1.004616', 'Cấp chứng chỉ hành nghề dược', 'p', 20, 500000, 'full', ['Đơn đề nghị cấp chứng chỉ hành nghề dược', 'Bản sao văn bằng chuyên môn', 'Giấy xác nhận thời gian thực hành'], 'Chứng chỉ hành nghề dược'],
    ],
  },
  {
    code: 'ATTP',
    name: 'An toàn thực phẩm',
    dept: 'yte',
    legalBasis: 'Luật An toàn thực phẩm số 55/2010/QH12; Nghị định số 15/2018/NĐ-CP; Thông tư số 67/2021/TT-BTC',
    why: 'Cần thẩm định thực tế điều kiện an toàn thực phẩm tại cơ sở.',
    items: [
      ['1.001396', 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống', 'p', 20, 1000000, 'partial', ['Đơn đề nghị cấp Giấy chứng nhận', 'Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ', 'Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm'], 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'co'],
      ['2.000660', 'Đăng ký bản công bố sản phẩm thực phẩm bảo vệ sức khỏe nhập khẩu', 'p', 21, 1500000, 'full', ['Bản công bố sản phẩm', 'Phiếu kết quả kiểm nghiệm an toàn thực phẩm của sản phẩm'], 'Giấy tiếp nhận đăng ký bản công bố sản phẩm', 'o'],
    ],
  },
  {
    code: 'VANHOA',
    name: 'Văn hóa',
    dept: 'vhtt',
    legalBasis: 'Nghị định số 110/2018/NĐ-CP về quản lý và tổ chức lễ hội; Nghị định số 54/2019/NĐ-CP về kinh doanh karaoke, vũ trường',
    why: 'Cần kiểm tra điều kiện phòng cháy, cách âm tại địa điểm trước khi cấp phép.',
    items: [
      ['1.001029', 'Thông báo tổ chức lễ hội cấp xã', 'c', 5, null, 'full', ['Văn bản thông báo tổ chức lễ hội'], 'Văn bản tiếp nhận thông báo', 'co'],
      ['1.001008', 'Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke', 'c', 5, 'Theo Thông tư số 01/2021/TT-BTC: 4.000.000 đồng đến 12.000.000 đồng/giấy tùy số phòng', 'partial', ['Đơn đề nghị cấp giấy phép đủ điều kiện kinh doanh dịch vụ karaoke', 'Bản sao Giấy chứng nhận thẩm duyệt thiết kế về phòng cháy và chữa cháy'], 'Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke', 'co'],
      ['1.003622', 'Cấp giấy phép tổ chức biểu diễn nghệ thuật', 'p', 5, null, 'full', ['Văn bản đề nghị tổ chức biểu diễn nghệ thuật', 'Kịch bản, danh mục tác phẩm'], 'Văn bản chấp thuận tổ chức biểu diễn nghệ thuật', 'o'],
    ],
  },
  {
    code: 'DULICH',
    name: 'Du lịch',
    dept: 'vhtt',
    legalBasis: 'Luật Du lịch số 09/2017/QH14; Thông tư số 06/2017/TT-BVHTTDL; Thông tư số 33/2018/TT-BTC',
    why: 'Cần kiểm tra hồ sơ gốc chứng chỉ nghiệp vụ hướng dẫn du lịch.',
    items: [
      ['1.001432', 'Cấp thẻ hướng dẫn viên du lịch nội địa', 'p', 10, 650000, 'full', ['Đơn đề nghị cấp thẻ hướng dẫn viên du lịch', 'Bản sao chứng chỉ nghiệp vụ hướng dẫn du lịch nội địa', 'Giấy chứng nhận sức khỏe', 'Ảnh chân dung 3x4 cm'], 'Thẻ hướng dẫn viên du lịch nội địa'],
      ['1.004623', 'Công nhận hạng cơ sở lưu trú du lịch 1 sao, 2 sao', 'p', 30, 1500000, 'partial', ['Đơn đề nghị công nhận hạng cơ sở lưu trú du lịch', 'Bản tự đánh giá chất lượng cơ sở lưu trú du lịch'], 'Quyết định công nhận hạng cơ sở lưu trú du lịch', 'o'],
    ],
  },
  {
    code: 'LUUTHONG',
    name: 'Lưu thông hàng hóa trong nước',
    dept: 'congthuong',
    legalBasis: 'Nghị định số 105/2017/NĐ-CP về kinh doanh rượu; Nghị định số 83/2014/NĐ-CP về kinh doanh xăng dầu',
    why: 'Cần kiểm tra điều kiện cửa hàng trước khi cấp giấy phép.',
    items: [
      ['2.000633', 'Cấp Giấy phép bán lẻ rượu', 'c', 10, 'Theo Thông tư số 168/2016/TT-BTC: 200.000 đồng đến 1.200.000 đồng/giấy', 'full', ['Đơn đề nghị cấp Giấy phép bán lẻ rượu', 'Bản sao hợp đồng thuê địa điểm hoặc giấy tờ về quyền sử dụng địa điểm kinh doanh'], 'Giấy phép bán lẻ rượu', 'co'],
      ['2.000647', 'Cấp Giấy phép bán lẻ sản phẩm thuốc lá', 'c', 15, 'Theo Thông tư số 168/2016/TT-BTC', 'full', ['Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm thuốc lá', 'Bản sao hợp đồng mua bán với thương nhân phân phối sản phẩm thuốc lá'], 'Giấy phép bán lẻ sản phẩm thuốc lá', 'co'],
      ['2.001283', 'Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', 'p', 15, 1200000, 'partial', ['Đơn đề nghị cấp Giấy chứng nhận', 'Bản sao văn bản nghiệm thu về phòng cháy và chữa cháy', 'Bản sao giấy tờ về quyền sử dụng cửa hàng'], 'Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', 'o'],
    ],
  },
  {
    code: 'THUYSAN',
    name: 'Thủy sản',
    dept: 'nnmt',
    legalBasis: 'Luật Thủy sản số 18/2017/QH14; Nghị định số 26/2019/NĐ-CP; Nghị định số 37/2024/NĐ-CP',
    why: 'Cần kiểm tra tàu cá và trang thiết bị thực tế.',
    items: [
      ['1.004692', 'Cấp, cấp lại giấy phép khai thác thủy sản', 'p', 6, 40000, 'partial', ['Đơn đề nghị cấp giấy phép khai thác thủy sản', 'Bản sao giấy chứng nhận an toàn kỹ thuật tàu cá'], 'Giấy phép khai thác thủy sản', 'co'],
      ['1.003621', 'Đăng ký tàu cá', 'p', 3, 70000, 'partial', ['Tờ khai đăng ký tàu cá', 'Bản sao hợp đồng đóng mới hoặc mua bán tàu cá'], 'Giấy chứng nhận đăng ký tàu cá', 'co'],
    ],
  },
  {
    code: 'TDKT',
    name: 'Thi đua, khen thưởng',
    dept: 'noivu',
    legalBasis: 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 98/2023/NĐ-CP',
    why: 'Hồ sơ phải qua Hội đồng Thi đua, Khen thưởng xét duyệt tập trung.',
    items: [
      ['1.000748', 'Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã về thành tích thực hiện nhiệm vụ chính trị', 'c', 20, null, 'partial', ['Tờ trình đề nghị khen thưởng', 'Báo cáo thành tích của tập thể, cá nhân'], 'Quyết định khen thưởng kèm Giấy khen', 'co'],
    ],
  },
  {
    code: 'KHCN',
    name: 'Hoạt động khoa học và công nghệ',
    dept: 'khcn',
    legalBasis: 'Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15; Thông tư số 14/2014/TT-BKHCN',
    why: 'Cần đối chiếu báo cáo tổng hợp kết quả bản giấy có chữ ký của chủ nhiệm nhiệm vụ.',
    items: [
      ['1.002566', 'Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước', 'p', 10, null, 'full', ['Phiếu đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ', 'Báo cáo tổng hợp kết quả thực hiện nhiệm vụ'], 'Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ', 'co'],
    ],
  },
  {
    code: 'DAUTU',
    name: 'Đầu tư tại khu kinh tế, khu công nghiệp',
    dept: 'bqlkkt',
    legalBasis: 'Luật Đầu tư số 61/2020/QH14; Nghị định số 31/2021/NĐ-CP; Nghị định số 35/2022/NĐ-CP',
    why: 'Dự án cần lấy ý kiến các cơ quan liên quan trước khi cấp Giấy chứng nhận đăng ký đầu tư.',
    items: [
      ['2.001999', 'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư', 'p', 15, null, 'partial', ['Văn bản đề nghị thực hiện dự án đầu tư', 'Bản sao tài liệu về tư cách pháp lý của nhà đầu tư', 'Đề xuất dự án đầu tư', 'Bản sao báo cáo tài chính 02 năm gần nhất của nhà đầu tư'], 'Giấy chứng nhận đăng ký đầu tư', 'o'],
      ['2.002023', 'Điều chỉnh Giấy chứng nhận đăng ký đầu tư', 'p', 10, null, 'partial', ['Văn bản đề nghị điều chỉnh dự án đầu tư', 'Báo cáo tình hình thực hiện dự án đầu tư đến thời điểm điều chỉnh'], 'Giấy chứng nhận đăng ký đầu tư điều chỉnh', 'o'],
    ],
  },
  {
    code: 'KHIEUNAI',
    name: 'Giải quyết khiếu nại, tố cáo',
    dept: 'thanhtra',
    legalBasis: 'Luật Khiếu nại số 02/2011/QH13; Luật Tố cáo số 25/2018/QH14; Nghị định số 124/2020/NĐ-CP',
    why: 'Phải tổ chức đối thoại trực tiếp với người khiếu nại theo quy định của Luật Khiếu nại.',
    items: [
      ['2.002252', 'Giải quyết khiếu nại lần đầu tại cấp xã', 'c', '30d', null, 'none', ['Đơn khiếu nại hoặc bản ghi lời khiếu nại', 'Tài liệu, chứng cứ kèm theo (nếu có)'], 'Quyết định giải quyết khiếu nại lần đầu'],
      ['2.002258', 'Giải quyết tố cáo tại cấp tỉnh', 'p', '30d', null, 'none', ['Đơn tố cáo hoặc văn bản ghi nội dung tố cáo', 'Thông tin, tài liệu, chứng cứ kèm theo (nếu có)'], 'Kết luận nội dung tố cáo'],
    ],
  },
];
