/** PDF rendering of the one-stop forms (Mẫu 01–06 of Circular 01/2018/TT-VPCP), one function per form. */
import type { FormCode } from '@core/dossier';
import { renderForm01 } from './mau-01';
import { renderForm02 } from './mau-02';
import { renderForm03 } from './mau-03';
import { renderForm04 } from './mau-04';
import { renderForm05 } from './mau-05';
import { renderForm06 } from './mau-06';

/** One renderer per form: `(data) => Promise<Buffer>`. */
export { renderForm01, renderForm02, renderForm03, renderForm04, renderForm05, renderForm06 };

/** The renderer of each form code, for `GET /api/v1/dossiers/{code}/forms/{form}.pdf`. */
export const FORM_RENDERERS = {
  mau_01: renderForm01,
  mau_02: renderForm02,
  mau_03: renderForm03,
  mau_04: renderForm04,
  mau_05: renderForm05,
  mau_06: renderForm06,
} as const satisfies Record<FormCode, (data: never) => Promise<Buffer>>;
