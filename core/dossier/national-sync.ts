/**
 * The national public-service portal's dossier sync (Cổng Dịch vụ công quốc gia, "đồng bộ hồ sơ"):
 * the message a dossier becomes, and the protocol's request and answer shapes (docs/national-sync.md).
 * Pure: the server signs (HMAC-SHA256 over `canonicalString` of core/payment/protocol.ts, as the
 * payment protocol does) and sends it.
 *
 * Personal data: the portal counts and tracks dossiers; it does not need the applicant's full
 * personal number. A citizen's CCCD is sent masked (`031******456`, `maskCccd`) and the name as the
 * family name with initials (`Nguyễn V. A.`); an organisation's tax code and name are public
 * (business register) and sent as they are.
 */
import { z } from 'zod';
import { formatInstant } from '../calendar/time';
import { maskCccd } from '../identity/mask';
import { CHANNEL_SYNC_CODES, type Channel } from './channel';
import { STATUS_SYNC_CODES, type Status } from './status';

/** What the payload is built from: a numbered dossier as stored, with its units' national agency codes. */
export interface NationalSyncSource {
  code: string;
  /** The dossier's version: the portal keeps one record per (code, version). */
  version: number;
  procedureCode: string;
  /** The receiving unit's code, which is its national agency code (core/org, `AGENCY_CODE_PATTERN`). */
  receivingUnitCode: string;
  /** The unit handling the dossier now (differs after an inter-agency transfer). */
  handlingUnitCode: string;
  channel: Channel;
  status: Status;
  applicantKind: 'citizen' | 'organisation';
  applicantIdNumber: string;
  applicantName: string;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  /** When the result went back to the applicant, if it did. */
  returnedAt: Date | null;
}

/** `LoaiDoiTuong`: 1 a citizen, 2 an organisation. */
export const APPLICANT_KIND_CODES = { citizen: 1, organisation: 2 } as const;

/** The portal's time format: `yyyyMMddHHmmss` in Vietnamese time (UTC+7). */
export const PORTAL_TIME_PATTERN = /^\d{14}$/;

/** An instant as the portal writes it, e.g. `20261201143000` (seconds truncated, UTC+7). */
export function portalTime(at: Date): string {
  const ms = at.getTime();
  return formatInstant(ms - (((ms % 1000) + 1000) % 1000))
    .replace(/\D/g, '')
    .slice(0, 14);
}

/** A personal name as the portal sees it: the family name, then initials (`Nguyễn Văn An` → `Nguyễn V. A.`). */
export function maskPersonName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const [family, ...rest] = words;
  return [family, ...rest.map((w) => `${[...w][0]!.toLocaleUpperCase('vi')}.`)].join(' ');
}

/** The dossier fields of a sync message (flat, so that every field is signed). */
export interface NationalDossierFields {
  [field: string]: string | number | null;
  MaHoSo: string;
  PhienBan: number;
  MaTTHC: string;
  MaCoQuan: string;
  MaCoQuanXuLy: string;
  KenhThucHien: number;
  TrangThaiHoSo: number;
  LoaiDoiTuong: number;
  ChuHoSo: string;
  MaDoiTuong: string;
  NgayNopHoSo: string;
  NgayTiepNhan: string | null;
  NgayHenTra: string | null;
  NgayKetThucXuLy: string | null;
  NgayTra: string | null;
}

/** The dossier's sync message: codes as the portal numbers them, instants in its format, the applicant masked. */
export function nationalSyncPayload(d: NationalSyncSource): NationalDossierFields {
  const citizen = d.applicantKind === 'citizen';
  const t = (at: Date | null) => (at ? portalTime(at) : null);
  return {
    MaHoSo: d.code,
    PhienBan: d.version,
    MaTTHC: d.procedureCode,
    MaCoQuan: d.receivingUnitCode,
    MaCoQuanXuLy: d.handlingUnitCode,
    KenhThucHien: CHANNEL_SYNC_CODES[d.channel],
    TrangThaiHoSo: STATUS_SYNC_CODES[d.status],
    LoaiDoiTuong: APPLICANT_KIND_CODES[d.applicantKind],
    ChuHoSo: citizen ? maskPersonName(d.applicantName) : d.applicantName.trim(),
    MaDoiTuong: citizen ? maskCccd(d.applicantIdNumber) : d.applicantIdNumber,
    NgayNopHoSo: portalTime(d.submittedAt),
    NgayTiepNhan: t(d.receivedAt),
    NgayHenTra: t(d.dueAt),
    NgayKetThucXuLy: t(d.finishedAt),
    NgayTra: t(d.returnedAt),
  };
}

const portalTimeSchema = z.string().regex(PORTAL_TIME_PATTERN);
const signature = z.string().regex(/^[0-9a-f]{64}$/);

/** `POST {portal}/api/hoso/dongbo`: one dossier, signed by the sending system. */
export const nationalSyncRequest = z.object({
  /** The sending system, known to the portal with its shared secret. */
  MaHeThong: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  /** When the message was sent (ISO 8601); the portal refuses messages too far from its clock. */
  ThoiGianGui: z.iso.datetime({ offset: true }),
  MaHoSo: z.string().min(1).max(60),
  PhienBan: z.number().int().positive(),
  MaTTHC: z.string().min(1).max(40),
  MaCoQuan: z.string().min(1).max(40),
  MaCoQuanXuLy: z.string().min(1).max(40),
  KenhThucHien: z.number().int().min(1).max(3),
  TrangThaiHoSo: z.number().int().min(1).max(10),
  LoaiDoiTuong: z.number().int().min(1).max(2),
  ChuHoSo: z.string().min(1).max(255),
  /** A citizen's number arrives masked: 3 digits, 6 stars, 3 digits. */
  MaDoiTuong: z.string().min(1).max(20),
  NgayNopHoSo: portalTimeSchema,
  NgayTiepNhan: portalTimeSchema.nullable(),
  NgayHenTra: portalTimeSchema.nullable(),
  NgayKetThucXuLy: portalTimeSchema.nullable(),
  NgayTra: portalTimeSchema.nullable(),
  signature,
});
export type NationalSyncRequest = z.infer<typeof nationalSyncRequest>;

/** The portal's acknowledgement (HTTP 200, `error_code` 0), signed with the same secret. */
export const nationalSyncAccepted = z.object({
  error_code: z.literal(0),
  message: z.string(),
  MaHeThong: z.string(),
  MaHoSo: z.string(),
  PhienBan: z.number().int(),
  /** When the portal first received this version (a replay answers the first instant). */
  ThoiGianNhan: z.iso.datetime({ offset: true }),
  signature,
});
export type NationalSyncAccepted = z.infer<typeof nationalSyncAccepted>;

/** The portal's refusal of a message (HTTP 4xx): a code and a message, not signed. */
export const nationalSyncRefused = z.object({ error_code: z.string().min(1).max(60), message: z.string().max(1000) });
export type NationalSyncRefused = z.infer<typeof nationalSyncRefused>;
