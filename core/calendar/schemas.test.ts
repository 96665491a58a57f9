import { describe, expect, it } from 'vitest';
import { calendarDaysQuery, dueQuery, officialScheduleFile, overrideBody, parseScheduleCsv, parseScheduleJson } from './schemas';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];
const code = (c: string) => expect.objectContaining({ code: c });

describe('API schemas', () => {
  it('days query takes two real YYYY-MM-DD dates', () => {
    expect(calendarDaysQuery.safeParse({ from: '2026-01-01', to: '2026-12-31' }).success).toBe(true);
    expect(messages(calendarDaysQuery.safeParse({ from: '2026-02-29', to: '2026-12-31' }))).toEqual(['CALENDAR_DATE_INVALID']);
    expect(messages(calendarDaysQuery.safeParse({ from: '01/01/2026', to: '2026-12-31' }))).toEqual(['CALENDAR_DATE_INVALID']);
  });

  it('due query coerces the amount and names the failing rule', () => {
    expect(dueQuery.parse({ from: '2026-03-02T08:00:00+07:00', amount: '3', unit: 'working_days' })).toEqual({
      from: '2026-03-02T08:00:00+07:00',
      amount: 3,
      unit: 'working_days',
    });
    expect(dueQuery.parse({ from: '2026-03-02T08:00:00Z', amount: '1', unit: 'calendar_days', unitCode: '000.00.15.H12' }).unitCode).toBe('000.00.15.H12');
    expect(messages(dueQuery.safeParse({ from: '2026-03-02T08:00:00', amount: '3', unit: 'working_days' }))).toEqual(['CALENDAR_OFFSET_REQUIRED']);
    expect(messages(dueQuery.safeParse({ from: 'now', amount: '3', unit: 'working_days' }))).toEqual(['CALENDAR_DATE_INVALID']);
    for (const amount of ['0', '-2', '1.5', 'abc', '']) {
      expect(messages(dueQuery.safeParse({ from: '2026-03-02T08:00:00+07:00', amount, unit: 'working_days' })), amount).toEqual(['CALENDAR_AMOUNT_INVALID']);
    }
    expect(messages(dueQuery.safeParse({ from: '2026-03-02T08:00:00+07:00', amount: '1', unit: 'weeks' }))).toEqual(['CALENDAR_UNIT_INVALID']);
  });

  it('override body needs a boolean and a name', () => {
    expect(overrideBody.parse({ working: true, name: '  Làm bù  ' })).toEqual({ working: true, name: 'Làm bù' });
    expect(overrideBody.safeParse({ working: 'yes', name: 'x' }).success).toBe(false);
    expect(overrideBody.safeParse({ working: false, name: ' ' }).success).toBe(false);
  });
});

describe('official schedule import', () => {
  it('reads the JSON form and refuses duplicates with the entry number', () => {
    const file = [
      { date: '2026-02-14', working: false, name: 'Nghỉ Tết' },
      { date: '2026-03-07', working: true, name: 'Làm bù' },
    ];
    expect(parseScheduleJson(file)).toEqual(file);
    expect(officialScheduleFile.safeParse([...file, file[0]]).success).toBe(false);
    expect(() => parseScheduleJson([file[0], { date: '2026-02-30', working: false, name: 'x' }])).toThrowError(
      expect.objectContaining({ code: 'CALENDAR_IMPORT_INVALID', params: expect.objectContaining({ line: 2 }) }),
    );
    expect(() => parseScheduleJson({ date: '2026-02-14' })).toThrowError(code('CALENDAR_IMPORT_INVALID'));
  });

  it('reads the CSV form: header, quotes, CRLF, BOM, blank lines', () => {
    const csv = '\uFEFFdate,working,name\r\n2026-02-14,false,"Nghỉ Tết Nguyên đán, theo Thông báo số 1"\r\n\r\n2026-03-07,TRUE,"Làm bù cho ngày ""16/2"""\r\n2026-03-09,0,Nghỉ\n';
    expect(parseScheduleCsv(csv)).toEqual([
      { date: '2026-02-14', working: false, name: 'Nghỉ Tết Nguyên đán, theo Thông báo số 1' },
      { date: '2026-03-07', working: true, name: 'Làm bù cho ngày "16/2"' },
      { date: '2026-03-09', working: false, name: 'Nghỉ' },
    ]);
  });

  it.each([
    ['', 1],
    ['day,working,name\n2026-01-01,false,x', 1],
    ['date,working,name\n2026-01-01,false', 2],
    ['date,working,name\n2026-01-01,no,x', 2],
    ['date,working,name\n2026-13-01,false,x', 2],
    ['date,working,name\n2026-01-02,false,x\n\n2026-01-03,true,', 4],
    ['date,working,name\n2026-01-02,false,x\n2026-01-02,true,y', 3],
    ['date,working,name\n2026-01-02,false,"x', 2],
  ])('refuses %j at line %i', (csv, line) => {
    expect(() => parseScheduleCsv(csv)).toThrowError(expect.objectContaining({ code: 'CALENDAR_IMPORT_INVALID', params: expect.objectContaining({ line }) }));
  });
});
