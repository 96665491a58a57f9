/**
 * The data of a dossier's forms (Mẫu 01–05) from its lifecycle state plus what the server knows
 * about names: so `GET /api/v1/dossiers/{code}/forms/{form}.pdf` is load → build → render, and a
 * reprint always says what happened (the receipt's due, the items asked for, the apology's date).
 */
import { foldDeadline } from '../calendar/deadline';
import type { DeadlinePolicy } from '../calendar/deadline-events';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { AppError } from '../errors/app-error';
import type { Action, FormCode } from './actions';
import { assertFormAvailable } from './available-forms';
import { controlSlipRows, type Names } from './control-slip';
import type { Dossier, HistoryEntry } from './dossier';
import type { Form01Data, Form02Data, Form03Data, Form04Data, Form05Data } from './forms';

/** What the server adds to the dossier to print its forms. */
export interface FormContext {
  calendar: WorkingCalendar;
  policy: DeadlinePolicy;
  /** When the form is printed: the date of Mẫu 05; Mẫu 01–04 carry the date of the act they record. */
  issuedAt: number;
  /** The issuing agency: the one-stop unit for Mẫu 01–03 and 05, the processing agency for Mẫu 04. */
  agency: { parent?: string; name: string; place?: string };
  applicant: Form01Data['applicant'];
  procedure: { code?: string; name: string };
  /** The procedure's checklist with how each component is kept (bản chính, bản sao…). */
  components: readonly { id: string; name: string; kind?: string; count?: number }[];
  legalTime: string;
  trackingUrl: string;
  names: Names;
  /** Who signs Mẫu 03 / Mẫu 04 when it is not the officer who acted (e.g. the agency head). */
  signer?: { title: string; name?: string };
  creationDate?: Date;
}

/** The data of each dossier form. */
export interface DossierFormData {
  mau_01: Form01Data;
  mau_02: Form02Data;
  mau_03: Form03Data;
  mau_04: Form04Data;
  mau_05: Form05Data;
}

const lastOf = (d: Dossier, ...actions: Action[]): HistoryEntry | undefined => d.history.findLast((h) => actions.includes(h.action));

/** Builds the data of a dossier form, or throws DOSSIER_FORM_NOT_AVAILABLE when the dossier has none. */
export function dossierFormData<F extends Exclude<FormCode, 'mau_06'>>(form: F, d: Dossier, c: FormContext): DossierFormData[F] {
  assertFormAvailable(d, form);
  const common = { agency: c.agency, issuedAt: c.issuedAt, creationDate: c.creationDate, applicant: c.applicant, procedure: c.procedure };
  const code = d.code ?? undefined;
  const receivedAt = d.receivedAt ?? d.submittedAt;
  const person = (h: HistoryEntry | undefined) => (h ? c.names.person(h.actorId) : undefined);
  const build: { [K in keyof DossierFormData]: () => DossierFormData[K] } = {
    mau_01: () => {
      const accepted = lastOf(d, 'accept');
      const receivedIndex = d.clock.findIndex((e) => e.type === 'received');
      // the receipt keeps the due it was issued with, whatever happened to the clock since
      const dueAt = foldDeadline(c.calendar, c.policy, d.clock.slice(0, receivedIndex + 1)).dueAt;
      return {
        ...common,
        issuedAt: receivedAt,
        dossierCode: code!,
        components: c.components.filter((x) => d.receivedComponents.includes(x.id)).map((x) => ({ name: x.name, kind: x.kind, count: x.count ?? 1 })),
        legalTime: c.legalTime,
        receivedAt,
        dueAt,
        returnMethod: d.returnMethod,
        trackingUrl: c.trackingUrl,
        receiver: { title: 'Người tiếp nhận hồ sơ', name: person(accepted) },
      };
    },
    mau_02: () => {
      const asked = lastOf(d, 'request_supplement', 'request_supplement_processing')!;
      return { ...common, issuedAt: asked.at, dossierCode: code, receivedAt, items: asked.items ?? [], reason: asked.note ?? undefined, officer: { title: 'Người hướng dẫn', name: person(asked) } };
    },
    mau_03: () => {
      const refused = lastOf(d, 'refuse', 'stop')!;
      const signer = c.signer ?? { title: 'Người tiếp nhận hồ sơ', name: person(refused) };
      return { ...common, issuedAt: refused.at, dossierCode: code, receivedAt, reason: refused.note ?? '', signer };
    },
    mau_04: () => {
      const redate = foldDeadline(c.calendar, c.policy, d.clock).redate;
      if (!redate) throw new AppError('DOSSIER_FORM_NOT_AVAILABLE', { message: 'no re-dating on the clock', params: { form: 'Mẫu 04' } });
      const signer = c.signer ?? { title: 'Thủ trưởng cơ quan' };
      return { ...common, issuedAt: redate.at, dossierCode: code!, receivedAt, dueAt: redate.previousDueAt, newDueAt: redate.newDueAt, reason: redate.reason, signer };
    },
    mau_05: () => ({
      ...common,
      dossierCode: code!,
      processingUnit: c.names.unit(d.handovers.find((h) => h.action === 'hand_over')?.receiverUnit ?? d.unitCode),
      coordinatingUnits: d.transfers.map((t) => c.names.unit(t.toUnit)),
      rows: controlSlipRows(d, c.names),
    }),
  };
  return build[form]();
}
