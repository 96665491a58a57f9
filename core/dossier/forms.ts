/**
 * The data each one-stop form (Circular 01/2018/TT-VPCP, Mẫu 01–06) is printed from, as zod
 * schemas. Instants are epoch ms; the printer writes them in Vietnamese time. The server fills
 * these from the dossier, the procedure and the applicant; personal numbers arrive already masked
 * when the reader is not the holder.
 */
import { z } from 'zod';
import { RETURN_METHODS } from './channel';
import { uniqueItems } from './inputs';
import type { ProcessingTimeLike } from './policy';

const text = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) => z.string().trim().max(max).optional();
const instant = z.number().int();

/** The issuing agency as the header prints it, and the place in the date line. */
export const formAgencySchema = z.object({
  /** The governing body (cơ quan chủ quản), printed above the agency. */
  parent: optional(300),
  name: text(300),
  place: z.string().trim().min(1).max(100).default('Hải Phòng'),
});

/** What every form shares: agency, number, date of issue and an optional fixed PDF creation date. */
const base = z.object({
  agency: formAgencySchema,
  /** The form's number, e.g. `125/TNHS`; left blank for a hand-written number when absent. */
  number: optional(100),
  issuedAt: instant,
  /** Fixes the PDF creation date (and so the bytes), for tests and reprints. */
  creationDate: z.date().optional(),
});

/** The applicant as forms print them. */
export const formApplicantSchema = z.object({
  name: text(300),
  idNumber: optional(30),
  address: optional(500),
  phone: optional(30),
  email: optional(200),
});

const procedure = z.object({ code: optional(20), name: text(1000) });
const signer = z.object({ title: text(200), name: optional(200) });

/** Mẫu 01: receipt and appointment for the result. */
export const form01Schema = base.extend({
  dossierCode: text(40),
  applicant: formApplicantSchema,
  procedure,
  components: z.array(z.object({ name: text(1000), kind: optional(100), count: z.number().int().min(1).max(99).default(1) })).max(100),
  sets: z.number().int().min(1).max(99).default(1),
  /** The legal time as words, e.g. `10 ngày làm việc`. */
  legalTime: text(100),
  receivedAt: instant,
  dueAt: instant.nullable(),
  returnMethod: z.enum(RETURN_METHODS),
  trackingUrl: z.url(),
  receiver: signer,
});

/** Mẫu 02: supplement request, every item once. */
export const form02Schema = base.extend({
  dossierCode: optional(40),
  applicant: formApplicantSchema,
  procedure,
  receivedAt: instant,
  items: z.array(text(1000)).min(1).max(100).transform(uniqueItems),
  reason: optional(2000),
  contact: optional(300),
  officer: signer,
});

/** Mẫu 03: refusal to accept or resolve, with the reason. */
export const form03Schema = base.extend({
  dossierCode: optional(40),
  applicant: formApplicantSchema,
  procedure,
  receivedAt: instant,
  reason: text(2000),
  signer,
});

/** Mẫu 04: apology with the reason and the new date. */
export const form04Schema = base.extend({
  dossierCode: text(40),
  applicant: formApplicantSchema,
  procedure,
  receivedAt: instant,
  dueAt: instant,
  newDueAt: instant,
  reason: text(2000),
  signer,
});

/** How a step ended against its due. */
export const STEP_OUTCOMES = ['early', 'on_time', 'late'] as const;

/** Mẫu 05: the control slip, one row per hand-over. */
export const form05Schema = base.extend({
  dossierCode: text(40),
  applicant: formApplicantSchema,
  procedure,
  processingUnit: text(300),
  coordinatingUnits: z.array(text(300)).max(20).default([]),
  rows: z
    .array(
      z.object({
        giver: text(300),
        receiver: text(300),
        at: instant,
        stepDueAt: instant.nullable(),
        outcome: z.enum(STEP_OUTCOMES).nullable(),
        note: optional(500),
      }),
    )
    .max(200),
});

/**
 * Columns of the dossier book (Mẫu 06) in order, shared by the PDF and the spreadsheet export;
 * `weight` is the relative width. `index` and `signature` are not data: the row number and a blank
 * cell for the applicant to sign when collecting the result.
 */
export const DOSSIER_BOOK_COLUMNS = [
  { key: 'index', vi: 'STT', weight: 2.2 },
  { key: 'code', vi: 'Mã hồ sơ', weight: 6.6 },
  { key: 'procedure', vi: 'Tên thủ tục hành chính', weight: 11 },
  { key: 'sets', vi: 'Số lượng hồ sơ (bộ)', weight: 3.2 },
  { key: 'applicant', vi: 'Tên cá nhân, tổ chức', weight: 7 },
  { key: 'contact', vi: 'Địa chỉ, số điện thoại', weight: 8.4 },
  { key: 'leadUnit', vi: 'Cơ quan chủ trì giải quyết', weight: 6.4 },
  { key: 'receivedAt', vi: 'Nhận hồ sơ', weight: 5 },
  { key: 'dueAt', vi: 'Hẹn trả kết quả', weight: 5 },
  { key: 'handedOverAt', vi: 'Chuyển hồ sơ đến cơ quan giải quyết', weight: 5 },
  { key: 'resultReceivedAt', vi: 'Nhận kết quả từ cơ quan giải quyết', weight: 5 },
  { key: 'returnedAt', vi: 'Trả kết quả cho cá nhân, tổ chức', weight: 5 },
  { key: 'signature', vi: 'Ký nhận', weight: 3.6 },
  { key: 'note', vi: 'Ghi chú', weight: 4.6 },
] as const;

/** Mẫu 06: the dossier book of a unit for a period (A4 landscape). */
export const form06Schema = base.extend({
  from: instant,
  to: instant,
  rows: z
    .array(
      z.object({
        code: text(40),
        procedure: text(1000),
        sets: z.number().int().min(1).max(99).default(1),
        applicant: text(300),
        contact: optional(500),
        leadUnit: text(300),
        receivedAt: instant,
        dueAt: instant.nullable(),
        handedOverAt: instant.nullable().default(null),
        resultReceivedAt: instant.nullable().default(null),
        returnedAt: instant.nullable().default(null),
        note: optional(500),
      }),
    )
    .max(100_000),
});

/** Data of Mẫu 01 (receipt); defaults optional, as for every form. */
export type Form01Data = z.input<typeof form01Schema>;
/** Data of Mẫu 02 (supplement request). */
export type Form02Data = z.input<typeof form02Schema>;
/** Data of Mẫu 03 (refusal). */
export type Form03Data = z.input<typeof form03Schema>;
/** Data of Mẫu 04 (apology). */
export type Form04Data = z.input<typeof form04Schema>;
/** Data of Mẫu 05 (control slip). */
export type Form05Data = z.input<typeof form05Schema>;
/** Data of Mẫu 06 (dossier book). */
export type Form06Data = z.input<typeof form06Schema>;

const LEGAL_TIME_WORDS = { working_days: 'ngày làm việc', working_hours: 'giờ làm việc', calendar_days: 'ngày' } as const;

/** The legal time as Mẫu 01 words it: `10 ngày làm việc`, `8 giờ làm việc`, `15 ngày`, or `Giải quyết ngay` for an immediate result. */
export function legalTimeText(time: ProcessingTimeLike): string {
  if (time.unit === 'immediate' || time.amount === 0) return 'Giải quyết ngay';
  return `${time.amount} ${LEGAL_TIME_WORDS[time.unit]}`;
}
