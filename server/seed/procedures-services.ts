import type { FieldGroup } from './procedures-builder';

/** Demo catalogue, part 2: construction, transport, land, environment, labour, social protection, people with merit. */
export const SERVICE_FIELDS: FieldGroup[] = [
  {
    code: 'HDXD',
    name: 'Hoạt động xây dựng',
    dept: 'xaydung',
    legalBasis: 'Luật Xây dựng số 50/2014/QH13 (sửa đổi năm 2020); Nghị định số 175/2024/NĐ-CP',
    why: 'Cần kiểm tra thực địa công trình trước khi cấp giấy phép; bản vẽ thiết kế được đối chiếu bản gốc.',
    conditions: 'Phù hợp với quy hoạch chi tiết xây dựng được phê duyệt; bảo đảm an toàn cho công trình và công trình lân cận.',
    items: [
      ['1.009995', 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'c', 15, 75000, 'partial', ['Đơn đề nghị cấp giấy phép xây dựng', 'Bản sao giấy tờ chứng minh quyền sử dụng đất', 'Bản vẽ thiết kế xây dựng (02 bộ)'], 'Giấy phép xây dựng'],
      ['1.009996', 'Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ', 'c', 15, 75000, 'partial', ['Đơn đề nghị cấp giấy phép sửa chữa, cải tạo', 'Bản sao giấy tờ chứng minh quyền sở hữu nhà ở', 'Ảnh chụp hiện trạng công trình'], 'Giấy phép sửa chữa, cải tạo'],
      ['1.009972', 'Cấp giấy phép xây dựng mới đối với công trình cấp I, II', 'p', 20, 150000, 'partial', ['Đơn đề nghị cấp giấy phép xây dựng', 'Bản sao quyết định phê duyệt dự án', 'Bản sao thông báo kết quả thẩm định thiết kế', 'Bản vẽ thiết kế xây dựng'], 'Giấy phép xây dựng', 'o'],
      ['1.009976', 'Gia hạn giấy phép xây dựng', 'p', 5, 15000, 'full', ['Đơn đề nghị gia hạn giấy phép xây dựng', 'Bản chính giấy phép xây dựng đã được cấp'], 'Giấy phép xây dựng được gia hạn', 'co'],
      ['1.009929', 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III', 'p', 20, 300000, 'full', ['Đơn đề nghị cấp chứng chỉ hành nghề', 'Ảnh màu cỡ 4x6 cm', 'Bản sao văn bằng đào tạo chuyên môn'], 'Chứng chỉ hành nghề hoạt động xây dựng'],
    ],
  },
  {
    code: 'DUONGBO',
    name: 'Đường bộ',
    dept: 'xaydung',
    legalBasis: 'Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15; Luật Đường bộ số 35/2024/QH15; Thông tư số 35/2024/TT-BGTVT',
    why: 'Người đề nghị phải xuất trình bản chính giấy phép lái xe và chụp ảnh trực tiếp.',
    items: [
      ['1.002804', 'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp', 'p', 5, 135000, 'full', ['Đơn đề nghị đổi giấy phép lái xe', 'Bản sao giấy khám sức khỏe của người lái xe'], 'Giấy phép lái xe'],
      ['1.002809', 'Cấp giấy phép lái xe quốc tế', 'p', 5, 135000, 'full', ['Tờ khai đề nghị cấp giấy phép lái xe quốc tế', 'Bản sao hộ chiếu'], 'Giấy phép lái xe quốc tế'],
      ['1.002286', 'Cấp giấy phép kinh doanh vận tải bằng xe ô tô', 'p', 5, 200000, 'full', ['Giấy đề nghị cấp giấy phép kinh doanh vận tải', 'Bản sao văn bằng, chứng chỉ của người trực tiếp điều hành vận tải'], 'Giấy phép kinh doanh vận tải bằng xe ô tô', 'o'],
      ['1.002859', 'Cấp phù hiệu xe ô tô kinh doanh vận tải', 'p', 2, 50000, 'full', ['Giấy đề nghị cấp phù hiệu', 'Bản sao giấy đăng ký xe ô tô'], 'Phù hiệu xe', 'o'],
    ],
  },
  {
    code: 'DATDAI',
    name: 'Đất đai',
    dept: 'nnmt',
    legalBasis: 'Luật Đất đai số 31/2024/QH15; Nghị định số 101/2024/NĐ-CP; Nghị định số 151/2025/NĐ-CP',
    why: 'Cần đo đạc, kiểm tra hiện trạng thửa đất và thu hồi bản gốc Giấy chứng nhận.',
    items: [
      ['1.012803', 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu', 'c', 20, 'Theo Nghị quyết của Hội đồng nhân dân thành phố về lệ phí cấp Giấy chứng nhận', 'partial', ['Đơn đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 'Một trong các giấy tờ về quyền sử dụng đất (nếu có)', 'Chứng từ thực hiện nghĩa vụ tài chính (nếu có)'], 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 'co'],
      ['1.012804', 'Đăng ký biến động đất đai, tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế', 'c', 10, 'Theo Nghị quyết của Hội đồng nhân dân thành phố', 'partial', ['Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', 'Hợp đồng, văn bản về chuyển quyền đã được công chứng, chứng thực', 'Bản gốc Giấy chứng nhận đã cấp'], 'Giấy chứng nhận hoặc xác nhận thay đổi trên Giấy chứng nhận', 'co'],
      ['1.012790', 'Chuyển mục đích sử dụng đất đối với hộ gia đình, cá nhân', 'c', 15, 'Tiền sử dụng đất theo thông báo của cơ quan thuế', 'partial', ['Đơn xin chuyển mục đích sử dụng đất', 'Bản gốc Giấy chứng nhận đã cấp'], 'Quyết định cho phép chuyển mục đích sử dụng đất'],
      ['1.012816', 'Cấp đổi Giấy chứng nhận quyền sử dụng đất', 'c', 7, 50000, 'partial', ['Đơn đề nghị cấp đổi Giấy chứng nhận', 'Bản gốc Giấy chứng nhận đã cấp'], 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 'co'],
      ['1.012742', 'Giao đất, cho thuê đất cho tổ chức không thông qua đấu giá', 'p', 20, 'Theo quy định về tiền thuê đất', 'none', ['Đơn xin giao đất, cho thuê đất', 'Bản sao văn bản chấp thuận chủ trương đầu tư', 'Trích lục bản đồ địa chính thửa đất'], 'Quyết định giao đất, cho thuê đất', 'o'],
    ],
  },
  {
    code: 'MOITRUONG',
    name: 'Môi trường',
    dept: 'nnmt',
    legalBasis: 'Luật Bảo vệ môi trường số 72/2020/QH14; Nghị định số 08/2022/NĐ-CP',
    why: 'Phải tổ chức kiểm tra thực tế cơ sở trước khi cấp giấy phép môi trường.',
    items: [
      ['1.010733', 'Đăng ký môi trường', 'c', 15, null, 'full', ['Văn bản đăng ký môi trường'], 'Văn bản tiếp nhận đăng ký môi trường', 'co'],
      ['1.010727', 'Cấp giấy phép môi trường cấp tỉnh', 'p', 30, 'Theo Nghị quyết của Hội đồng nhân dân thành phố về phí thẩm định', 'partial', ['Văn bản đề nghị cấp giấy phép môi trường', 'Báo cáo đề xuất cấp giấy phép môi trường'], 'Giấy phép môi trường', 'o'],
    ],
  },
  {
    code: 'VIECLAM',
    name: 'Lao động, việc làm',
    dept: 'noivu',
    legalBasis: 'Bộ luật Lao động số 45/2019/QH14; Luật Việc làm số 74/2025/QH15; Nghị định số 219/2025/NĐ-CP',
    why: 'Người lao động phải trực tiếp đến nhận quyết định và xuất trình bản chính giấy tờ.',
    items: [
      ['1.000459', 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam', 'p', 10, 600000, 'full', ['Văn bản đề nghị cấp giấy phép lao động', 'Giấy chứng nhận sức khỏe', 'Bản sao hộ chiếu', 'Văn bản chứng minh là nhà quản lý, chuyên gia hoặc lao động kỹ thuật'], 'Giấy phép lao động', 'o'],
      ['1.000105', 'Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động', 'p', 5, 450000, 'full', ['Văn bản đề nghị xác nhận', 'Bản sao hộ chiếu'], 'Văn bản xác nhận', 'o'],
      ['1.001865', 'Đăng ký nội quy lao động của doanh nghiệp', 'p', 7, null, 'full', ['Văn bản đề nghị đăng ký nội quy lao động', 'Nội quy lao động', 'Văn bản góp ý của tổ chức đại diện người lao động'], 'Thông báo đăng ký nội quy lao động', 'o'],
      ['1.001978', 'Giải quyết hưởng trợ cấp thất nghiệp', 'p', 20, null, 'partial', ['Đề nghị hưởng trợ cấp thất nghiệp', 'Bản sao quyết định thôi việc hoặc hợp đồng lao động đã hết hạn', 'Sổ bảo hiểm xã hội'], 'Quyết định hưởng trợ cấp thất nghiệp'],
    ],
  },
  {
    code: 'BTXH',
    name: 'Bảo trợ xã hội',
    dept: 'yte',
    legalBasis: 'Nghị định số 20/2021/NĐ-CP; Nghị định số 76/2024/NĐ-CP; Luật Người khuyết tật số 51/2010/QH12',
    why: 'Hội đồng xét duyệt cấp xã phải xem xét và niêm yết công khai trước khi quyết định.',
    items: [
      ['1.001776', 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng', 'c', 10, null, 'partial', ['Tờ khai đề nghị trợ giúp xã hội', 'Bản sao giấy xác nhận khuyết tật (trường hợp là người khuyết tật)'], 'Quyết định trợ cấp xã hội hằng tháng'],
      ['1.001758', 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', 'c', 3, null, 'full', ['Tờ khai đề nghị hỗ trợ chi phí mai táng', 'Bản sao giấy chứng tử'], 'Quyết định hỗ trợ chi phí mai táng'],
      ['1.001699', 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', 'c', 20, null, 'partial', ['Đơn đề nghị xác định mức độ khuyết tật', 'Bản sao hồ sơ bệnh án (nếu có)'], 'Giấy xác nhận khuyết tật'],
      ['2.000286', 'Đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập', 'p', 15, null, 'none', ['Tờ khai đăng ký thành lập cơ sở trợ giúp xã hội', 'Dự thảo quy chế hoạt động', 'Bản sao giấy tờ chứng minh quyền sử dụng cơ sở vật chất'], 'Giấy chứng nhận đăng ký thành lập', 'o'],
    ],
  },
  {
    code: 'NGUOICOCONG',
    name: 'Người có công',
    dept: 'noivu',
    legalBasis: 'Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14; Nghị định số 131/2021/NĐ-CP',
    why: 'Hồ sơ gốc của người có công được lưu trữ bản giấy, cần đối chiếu trước khi giải quyết.',
    items: [
      ['1.010801', 'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ', 'p', 12, null, 'partial', ['Bản khai đề nghị trợ cấp thờ cúng liệt sĩ', 'Văn bản ủy quyền của thân nhân liệt sĩ (nếu có)'], 'Quyết định trợ cấp thờ cúng liệt sĩ'],
      ['1.010825', 'Cấp giấy giới thiệu thăm viếng mộ liệt sĩ, hỗ trợ thăm viếng mộ liệt sĩ', 'c', 2, null, 'full', ['Đơn đề nghị cấp giấy giới thiệu thăm viếng mộ liệt sĩ'], 'Giấy giới thiệu thăm viếng mộ liệt sĩ'],
    ],
  },
];
