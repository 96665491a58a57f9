/** Renders a dossier's form on download: the form data from the stored state plus names, then the PDF. */
import type { Kysely } from 'kysely';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import type { FormCode } from '@core/dossier/actions';
import type { Dossier } from '@core/dossier/dossier';
import { dossierFormData, type FormContext } from '@core/dossier/form-data';
import { legalTimeText } from '@core/dossier/forms';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import { FORM_RENDERERS } from '../../forms';
import { unitDirectory } from '../catalogue/queries';
import { unitsByIds, userNames } from './queries';
import type { ProcedureRules } from './rules';

type DossierForm = Exclude<FormCode, 'mau_06'>;

/** Builds the data of `form` for a stored dossier and renders it to a PDF (DOSSIER_FORM_NOT_AVAILABLE when it has none). */
export async function renderDossierForm(db: Kysely<DB>, row: DossierRow, rules: ProcedureRules, calendar: WorkingCalendar, form: DossierForm, opts: { now: number; publicUrl: string }): Promise<Buffer> {
  const d = row.state as Dossier;
  const units = await unitDirectory(db);
  const [receiving, handling] = await Promise.all([unitsByIds(db, [row.unit_id]), unitsByIds(db, [row.handling_unit_id])]);
  const parentName = async (u: { parent_id: string | null } | undefined) => (u?.parent_id ? (await unitsByIds(db, [u.parent_id]))[0]?.name : undefined);
  // Mẫu 04 is the processing agency's; the others are issued by the one-stop unit
  const issuer = form === 'mau_04' ? handling[0] : receiving[0];
  const people = await userNames(db, [...d.history.map((h) => h.actorId), ...d.handovers.flatMap((h) => [h.giverId, h.receiverId ?? ''])]);
  const contact = row.applicant_contact as { address?: string; phone?: string; email?: string };
  const context: FormContext = {
    calendar,
    policy: rules.policy,
    issuedAt: opts.now,
    agency: { parent: await parentName(issuer), name: issuer?.name ?? d.receivingUnitCode, place: 'Hải Phòng' },
    applicant: { name: row.applicant_name, idNumber: row.applicant_id_number, address: contact.address, phone: contact.phone, email: contact.email },
    procedure: { code: rules.code, name: rules.name },
    components: rules.printable,
    legalTime: legalTimeText(rules.time),
    trackingUrl: `${opts.publicUrl.replace(/\/$/, '')}/tra-cuu/${encodeURIComponent(d.code ?? row.id)}`,
    names: { person: (id) => people.get(id) ?? id, unit: (code) => units.get(code)?.name ?? code },
  };
  const data = dossierFormData(form, d, context);
  return (FORM_RENDERERS[form] as (x: typeof data) => Promise<Buffer>)(data);
}
