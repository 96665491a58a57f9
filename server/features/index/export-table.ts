/**
 * The content of the index report (`export.xlsx`, `export.pdf`): the heading lines, the ranking of the
 * units under a parent with their group scores and the city rule's points, and each unit's indicator
 * rates. One description, two renderers (export-xlsx.ts, export-pdf.ts), so both print the same figures.
 */
import { CITY_RULES, GROUPS, INDICATORS } from '@core/index/config';
import type { UnitsResponse } from '@core/index/api';
import { dmy, formatPoints, formatRate, formatSignedPoints, rankUnits } from '@core/index/report';
import { viDateTime } from '../../forms/format';

/** The report's title, as the Decision 766 reports of the provinces word it. */
export const REPORT_TITLE = 'BÁO CÁO CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP';
export const REPORT_BASIS = '(Quyết định 766/QĐ-TTg)';

type UnitFigures = UnitsResponse['units'][number];

/** A cell: text for the PDF, and the value a spreadsheet keeps (a number stays a number). */
export interface Cell {
  text: string;
  value: string | number | null;
  /** Excel number format of a numeric value. */
  format?: '0.00' | '0.0%' | '+0;-0;0';
}

/** One table of the report. */
export interface ReportTable {
  /** The worksheet's name (at most 31 characters) and the PDF's heading over the table. */
  sheet: string;
  heading: string;
  columns: { header: string; weight: number; width: number; align: 'left' | 'center' | 'right' }[];
  rows: Cell[][];
}

/** The whole report. */
export interface IndexReport {
  agency: string;
  lines: string[];
  tables: ReportTable[];
  notes: string[];
}

const text = (t: string): Cell => ({ text: t, value: t });
const points = (p: number): Cell => ({ text: formatPoints(p), value: p, format: '0.00' });
const rate = (r: number | null): Cell => ({ text: formatRate(r), value: r, format: '0.0%' });
const signed = (p: number): Cell => ({ text: formatSignedPoints(p), value: p, format: '+0;-0;0' });

/** The parent's own figures first (not ranked), then the units under it by total score. */
function ordered(data: UnitsResponse): { rank: string; u: UnitFigures }[] {
  const whole = data.units.filter((u) => u.unit.code === data.parent.code);
  const members = data.units.filter((u) => u.unit.code !== data.parent.code);
  return [...whole.map((u) => ({ rank: 'Chung', u })), ...rankUnits(members).map((r) => ({ rank: String(r.rank), u: r.unit }))];
}

/** Describes the report of `data`, computed at `computedAt`. */
export function indexReport(data: UnitsResponse): IndexReport {
  const rows = ordered(data);
  const unitCells = (rank: string, u: UnitFigures) => [{ text: rank, value: rank === 'Chung' ? rank : Number(rank) }, text(u.unit.code), text(u.unit.name)];
  const lead = [
    { header: 'Hạng', weight: 3, width: 7, align: 'center' as const },
    { header: 'Mã định danh', weight: 7, width: 16, align: 'left' as const },
    { header: 'Cơ quan, đơn vị', weight: 16, width: 44, align: 'left' as const },
  ];
  const ranking: ReportTable = {
    sheet: 'Xếp hạng',
    heading: 'I. Xếp hạng theo tổng điểm và nhóm chỉ số',
    columns: [
      ...lead,
      ...GROUPS.map((g) => ({ header: `${g.name.vi} (${g.code}, ${g.max} điểm)`, weight: 5, width: 14, align: 'right' as const })),
      { header: 'Tổng điểm (100)', weight: 5, width: 12, align: 'right' },
      ...CITY_RULES.map((r) => ({ header: `${r.code}: ${r.name.vi}`, weight: 5, width: 14, align: 'right' as const })),
      { header: 'Thưởng (+) / trừ (−) theo quy định của thành phố', weight: 6, width: 16, align: 'right' },
    ],
    rows: rows.map(({ rank, u }) => [
      ...unitCells(rank, u),
      ...GROUPS.map((g) => points(u.groups.find((x) => x.code === g.code)?.score ?? 0)),
      points(u.total),
      ...CITY_RULES.map((r) => {
        const rule = u.cityRules.find((x) => x.code === r.code);
        return rule ? { ...signed(rule.points), text: `${formatRate(rule.rate)} (${formatSignedPoints(rule.points)})` } : text('–');
      }),
      signed(u.cityPoints),
    ]),
  };
  const indicators = INDICATORS.map((i) => ({ ...i, result: (u: UnitFigures) => u.groups.flatMap((g) => g.indicators).find((x) => x.code === i.code) }));
  const rates: ReportTable = {
    sheet: 'Tỷ lệ chỉ số',
    heading: 'II. Tỷ lệ các chỉ số thành phần',
    columns: [...lead, ...indicators.map((i) => ({ header: `${i.code}: ${i.name.vi}`, weight: 4, width: 14, align: 'right' as const }))],
    rows: rows.map(({ rank, u }) => [...unitCells(rank, u), ...indicators.map((i) => rate(i.result(u)?.rate ?? null))]),
  };
  const maxOf = (code: string) => data.units[0]?.groups.flatMap((g) => g.indicators).find((x) => x.code === code)?.max ?? '–';
  const scores: ReportTable = {
    sheet: 'Điểm chỉ số',
    heading: 'III. Điểm các chỉ số thành phần',
    columns: [...lead, ...indicators.map((i) => ({ header: `${i.code} (${maxOf(i.code)} điểm)`, weight: 4, width: 12, align: 'right' as const }))],
    rows: rows.map(({ rank, u }) => [...unitCells(rank, u), ...indicators.map((i) => points(i.result(u)?.score ?? 0))]),
  };
  const first = data.units[0];
  const ruleNotes = first
    ? first.cityRules.map((r) => {
        const name = CITY_RULES.find((x) => x.code === r.code)?.name.vi ?? r.code;
        return `${r.code}: ${name} trên ${formatRate(r.threshold)} thì được thưởng, không đạt thì bị trừ điểm.`;
      })
    : [];
  return {
    agency: data.parent.name,
    lines: [`Kỳ báo cáo: từ ngày ${dmy(data.from)} đến ngày ${dmy(data.to)}`, `Đơn vị: ${data.parent.name} (${data.parent.code})`, `Số liệu tính đến ${viDateTime(Date.parse(data.computedAt))}`],
    tables: data.units.length > 0 ? [ranking, rates, scores] : [ranking],
    notes: [
      'Điểm nhóm và tổng điểm tính theo Quyết định 766/QĐ-TTg; tỷ lệ để trống (–) khi kỳ báo cáo không có hồ sơ hoặc thủ tục để tính.',
      ...ruleNotes,
    ],
  };
}
