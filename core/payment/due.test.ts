import { describe, expect, it } from 'vitest';
import type { Dossier, HistoryEntry } from '../dossier/dossier';
import type { Status } from '../dossier/status';
import { amountDue } from './due';

const FEES = [
  { name: 'Lệ phí cấp phiếu', amount: 200_000, rule: null },
  { name: 'Phí sao', amount: 5_000, rule: null },
  { name: 'Phí theo trang', amount: null, rule: '2.000 đồng/trang' },
];
const T0 = Date.UTC(2026, 10, 30, 2);
const paid = (amount: number, settledAt: number) => ({ status: 'paid' as const, amount, settledAt });
const entry = (action: HistoryEntry['action'], at: number): HistoryEntry => ({ action, at, actorId: 'x', from: 'accepted', to: 'accepted', unitCode: 'u', note: null, items: null });
const dossier = (status: Status, extra: Partial<Dossier> = {}) => ({ status, history: [], feeDemand: null, ...extra });

describe('the amount due', () => {
  it('is the sum of the fixed fees from submission, less every payment', () => {
    const due = amountDue({ dossier: dossier('new'), fees: FEES, financialObligation: true, payments: [] });
    expect(due).toMatchObject({ required: true, basis: 'fixed_fees', total: 205_000, paid: 0, outstanding: 205_000, inWindow: true });
    const part = amountDue({ dossier: dossier('processing'), fees: FEES, financialObligation: true, payments: [paid(200_000, T0), { status: 'pending', amount: 5_000, settledAt: null }, { status: 'failed', amount: 5_000, settledAt: T0 }] });
    expect(part).toMatchObject({ paid: 200_000, outstanding: 5_000 });
    expect(amountDue({ dossier: dossier('processing'), fees: FEES, financialObligation: true, payments: [paid(300_000, T0)] }).outstanding).toBe(0);
  });

  it('is the amount the staff stated with await_fee, less what was paid after it', () => {
    const d = dossier('awaiting_fee', { feeDemand: { at: T0, amount: 1_500_000, reason: 'Lệ phí trước bạ' } });
    const due = amountDue({ dossier: d, fees: FEES, financialObligation: true, payments: [paid(205_000, T0 - 1), paid(500_000, T0 + 1)] });
    expect(due).toMatchObject({ basis: 'fee_demand', total: 1_500_000, paid: 500_000, outstanding: 1_000_000, confirmed: false });
  });

  it('falls back to the fixed fees when the demand states no amount; rules alone owe nothing online', () => {
    const d = dossier('awaiting_fee', { feeDemand: { at: T0, amount: null, reason: 'Chờ nộp lệ phí' } });
    expect(amountDue({ dossier: d, fees: FEES, financialObligation: true, payments: [] })).toMatchObject({ basis: 'fixed_fees', outstanding: 205_000 });
    const rulesOnly = amountDue({ dossier: d, fees: [FEES[2]!], financialObligation: true, payments: [] });
    expect(rulesOnly).toMatchObject({ required: true, basis: 'none', total: 0, outstanding: 0 });
    expect(amountDue({ dossier: dossier('new'), fees: [], financialObligation: false, payments: [] })).toMatchObject({ required: false, basis: 'none', outstanding: 0 });
  });

  it('asks nothing once fee_paid confirmed the demand, or once the dossier is closed', () => {
    const d = dossier('accepted', { feeDemand: { at: T0, amount: 100_000, reason: 'x' }, history: [entry('await_fee', T0), entry('fee_paid', T0 + 10)] });
    expect(amountDue({ dossier: d, fees: FEES, financialObligation: true, payments: [] })).toMatchObject({ confirmed: true, outstanding: 0 });
    for (const status of ['returned', 'withdrawn', 'stopped', 'not_accepted'] as const) {
      expect(amountDue({ dossier: dossier(status), fees: FEES, financialObligation: true, payments: [] })).toMatchObject({ inWindow: false, outstanding: 0 });
    }
    expect(amountDue({ dossier: dossier('processed'), fees: FEES, financialObligation: true, payments: [] }).outstanding).toBe(205_000);
  });
});
