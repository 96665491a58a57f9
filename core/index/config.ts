/**
 * The Decision 766 index's configuration as data: groups and their maxima (statutory), the split of
 * each group's points between its indicators and their full-marks thresholds (configuration, the
 * default below is documented in docs/index.md), and the city's bonus/penalty rule.
 */
import { z } from 'zod';

/** The six groups of the national portal with their statutory maxima (100 points). */
export const GROUPS = [
  { code: 'CKMB', max: 18, name: { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' } },
  { code: 'TDGQ', max: 20, name: { vi: 'Tiến độ giải quyết', en: 'Processing progress' } },
  { code: 'CLGQ', max: 12, name: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' } },
  { code: 'TTTT', max: 10, name: { vi: 'Thanh toán trực tuyến', en: 'Online payment' } },
  { code: 'MDSH', max: 22, name: { vi: 'Mức độ số hóa hồ sơ', en: 'Digitisation' } },
  { code: 'MDHL', max: 18, name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' } },
] as const;

/** A group code. */
export type GroupCode = (typeof GROUPS)[number]['code'];

/** Every indicator this system computes, in display order, with its group. */
export const INDICATORS = [
  { code: 'CKMB.1', group: 'CKMB', kind: 'procedures', name: { vi: 'Công bố TTHC đúng hạn', en: 'On-time publication' } },
  { code: 'CKMB.2', group: 'CKMB', kind: 'procedures', name: { vi: 'Công khai TTHC đúng hạn', en: 'On-time publicising' } },
  { code: 'CKMB.3', group: 'CKMB', kind: 'procedures', name: { vi: 'TTHC đầy đủ thông tin', en: 'Complete procedures' } },
  { code: 'CKMB.4', group: 'CKMB', kind: 'dossiers', name: { vi: 'Hồ sơ đồng bộ lên Cổng DVC quốc gia', en: 'Dossiers synced to the national portal' } },
  { code: 'TDGQ.1', group: 'TDGQ', kind: 'dossiers', name: { vi: 'Hồ sơ giải quyết đúng hạn', en: 'Dossiers processed on time' } },
  { code: 'CLGQ.1', group: 'CLGQ', kind: 'procedures', name: { vi: 'TTHC cung cấp trực tuyến', en: 'Procedures offered online' } },
  { code: 'CLGQ.3', group: 'CLGQ', kind: 'dossiers', name: { vi: 'Hồ sơ trực tuyến', en: 'Online dossiers' } },
  { code: 'TTTT.5', group: 'TTTT', kind: 'procedures', name: { vi: 'TTHC có phí được thanh toán trực tuyến', en: 'Fee-bearing procedures paid online' } },
  { code: 'TTTT.6', group: 'TTTT', kind: 'dossiers', name: { vi: 'Hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' } },
  { code: 'MDSH.1', group: 'MDSH', kind: 'dossiers', name: { vi: 'Hồ sơ có kết quả điện tử', en: 'Dossiers with an e-result' } },
  { code: 'MDSH.2', group: 'MDSH', kind: 'dossiers', name: { vi: 'Hồ sơ số hóa thành phần và kết quả', en: 'Dossiers with digitised components and e-result' } },
  { code: 'MDSH.3', group: 'MDSH', kind: 'dossiers', name: { vi: 'Hồ sơ tái sử dụng dữ liệu số hóa', en: 'Dossiers reusing digitised data' } },
  { code: 'MDHL.4', group: 'MDHL', kind: 'dossiers', name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' } },
] as const satisfies readonly { code: string; group: GroupCode; kind: 'procedures' | 'dossiers'; name: { vi: string; en: string } }[];

/** An indicator code. */
export type IndicatorCode = (typeof INDICATORS)[number]['code'];
export const INDICATOR_CODES = INDICATORS.map((i) => i.code) as [IndicatorCode, ...IndicatorCode[]];

/** The city's bonus/penalty rules (the seed): R1 full-process online, R2 online payments, R3 fee-bearing procedures paid online. */
export const CITY_RULES = [
  { code: 'R1', name: { vi: 'TTHC trực tuyến toàn trình', en: 'Full-process online procedures' } },
  { code: 'R2', name: { vi: 'Giao dịch thanh toán trực tuyến', en: 'Online payment transactions' } },
  { code: 'R3', name: { vi: 'TTHC có phí thanh toán trực tuyến', en: 'Fee-bearing procedures paid online' } },
] as const;
export type CityRuleCode = (typeof CITY_RULES)[number]['code'];

const share = z.number().min(0).max(1);
const points = z.number().min(0).max(100);

/** The configuration: per indicator its points and threshold (null = proportional), per city rule its threshold and points. */
export const indexSettingsSchema = z
  .object({
    indicators: z.record(z.enum(INDICATOR_CODES), z.object({ max: points, threshold: share.positive().nullable() })),
    cityRules: z.record(z.enum(CITY_RULES.map((r) => r.code) as [CityRuleCode, ...CityRuleCode[]]), z.object({ threshold: share, bonus: points, penalty: points })),
  })
  .superRefine((s, ctx) => {
    for (const code of INDICATOR_CODES) if (!s.indicators[code]) ctx.addIssue({ code: 'custom', path: ['indicators', code], message: 'INDEX_SETTINGS_MISSING' });
    for (const r of CITY_RULES) if (!s.cityRules[r.code]) ctx.addIssue({ code: 'custom', path: ['cityRules', r.code], message: 'INDEX_SETTINGS_MISSING' });
    for (const g of GROUPS) {
      const sum = INDICATORS.filter((i) => i.group === g.code).reduce((t, i) => t + (s.indicators[i.code]?.max ?? 0), 0);
      if (Math.abs(sum - g.max) > 1e-9) ctx.addIssue({ code: 'custom', path: ['indicators'], message: `INDEX_GROUP_SUM:${g.code}:${g.max}` });
    }
  });
/** The configuration. */
export type IndexSettings = z.infer<typeof indexSettingsSchema>;

/**
 * The default split (docs/index.md): indicators the issue gives a threshold keep it; CKMB splits
 * 5/5/4/4, CLGQ and TTTT halve, MDSH 8/7/7, TDGQ and MDHL have one indicator each.
 */
export const DEFAULT_INDEX_SETTINGS: IndexSettings = {
  indicators: {
    'CKMB.1': { max: 5, threshold: null },
    'CKMB.2': { max: 5, threshold: null },
    'CKMB.3': { max: 4, threshold: null },
    'CKMB.4': { max: 4, threshold: null },
    'TDGQ.1': { max: 20, threshold: null },
    'CLGQ.1': { max: 6, threshold: 0.8 },
    'CLGQ.3': { max: 6, threshold: 0.5 },
    'TTTT.5': { max: 5, threshold: 0.8 },
    'TTTT.6': { max: 5, threshold: null },
    'MDSH.1': { max: 8, threshold: null },
    'MDSH.2': { max: 7, threshold: 0.8 },
    'MDSH.3': { max: 7, threshold: 0.8 },
    'MDHL.4': { max: 18, threshold: 0.9 },
  },
  cityRules: {
    R1: { threshold: 0.4, bonus: 1, penalty: 1 },
    R2: { threshold: 0.3, bonus: 1, penalty: 1 },
    R3: { threshold: 0.6, bonus: 1, penalty: 1 },
  },
};
