/** Which forms a dossier can print (`GET /api/v1/dossiers/{code}/forms/{form}.pdf`); the book (Mẫu 06) is per unit, not per dossier. */
import { AppError } from '../errors/app-error';
import type { FormCode } from './actions';
import type { Dossier } from './dossier';

/** The dossier forms that exist for a dossier now, in form order. */
export function availableForms(d: Pick<Dossier, 'receivedAt' | 'history' | 'redateUsed' | 'handovers'>): FormCode[] {
  const did = (...actions: string[]) => d.history.some((h) => actions.includes(h.action));
  const out: FormCode[] = [];
  if (d.receivedAt !== null) out.push('mau_01');
  if (did('request_supplement', 'request_supplement_processing')) out.push('mau_02');
  if (did('refuse', 'stop')) out.push('mau_03');
  if (d.redateUsed) out.push('mau_04');
  if (d.handovers.length > 0) out.push('mau_05');
  return out;
}

/** Throws DOSSIER_FORM_NOT_AVAILABLE unless the dossier has the form. */
export function assertFormAvailable(d: Parameters<typeof availableForms>[0], form: FormCode): void {
  if (!availableForms(d).includes(form)) {
    throw new AppError('DOSSIER_FORM_NOT_AVAILABLE', { message: `no ${form}`, params: { form: form.replace('mau_', 'Mẫu ') } });
  }
}
