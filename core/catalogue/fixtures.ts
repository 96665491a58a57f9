import type { ProcedureInput } from './procedure';

/** A complete, valid procedure for tests; override what a test is about. */
export function sampleProcedure(over: Partial<ProcedureInput> = {}): ProcedureInput {
  return {
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    field: { code: 'HOTICH', name: 'Hộ tịch' },
    level: 'commune',
    responsibleUnit: '000.00.03.H26',
    implementingUnits: ['000.50.00.H26'],
    receivingUnits: ['000.50.01.H26'],
    applicants: ['citizen'],
    methods: ['counter', 'online'],
    processingTime: { amount: 3, unit: 'working_days' },
    financialObligation: false,
    fees: [],
    components: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, required: true, condition: null, form: null, documentType: null }],
    steps: [
      { name: 'Tiếp nhận', role: 'onestop_officer', unit: null, time: 0.5 },
      { name: 'Thẩm định', role: 'specialist', unit: null, time: 2 },
      { name: 'Phê duyệt', role: 'unit_leader', unit: null, time: 0.5 },
    ],
    conditions: null,
    legalBasis: 'Luật Hộ tịch số 60/2014/QH13',
    result: { name: 'Giấy khai sinh', paper: true },
    onlineLevel: 'full',
    onlineJustification: null,
    identityLevel: 'basic',
    ...over,
  };
}
