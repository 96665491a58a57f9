/**
 * What intake receives (`POST /api/v1/dossiers`): the procedure, the applicant — a citizen by CCCD
 * or an organisation by tax code — the channel with its postal details, and the return method.
 * Shared with the client's intake screen and the portal.
 */
import { z } from 'zod';
import { instantSchema } from '../calendar/schemas';
import { parseInstant } from '../calendar/time';
import { PROCEDURE_CODE_PATTERN } from '../catalogue/procedure';
import { cccdSchema } from '../identity/cccd';
import { taxCodeSchema } from '../identity/tax-code';
import { CHANNELS, RETURN_METHODS } from './channel';

const text = (max: number) => z.string().trim().min(1).max(max);
const contact = {
  name: text(300),
  address: z.string().trim().max(500).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d .-]{8,20}$/)
    .optional(),
  email: z.email().optional(),
};

/** The applicant: a citizen identified by CCCD, or an organisation by tax code (normalised to digits). */
export const applicantSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('citizen'), idNumber: cccdSchema, ...contact }),
  z.object({ kind: z.literal('organisation'), taxCode: taxCodeSchema, representative: text(300).optional(), ...contact }),
]);
/** A validated applicant. */
export type Applicant = z.infer<typeof applicantSchema>;

/** Body of `POST /api/v1/dossiers` (counter and postal intake; the portal for online). */
export const intakeBody = z
  .object({
    procedureCode: z.string().trim().regex(PROCEDURE_CODE_PATTERN),
    applicant: applicantSchema,
    channel: z.enum(CHANNELS),
    returnMethod: z.enum(RETURN_METHODS),
    /** The public postal service's tracking number and when it delivered the dossier (postal channel only). */
    postal: z.object({ trackingNumber: text(50), deliveredAt: instantSchema.transform((s) => parseInstant(s)) }).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.channel === 'postal' && !body.postal) ctx.addIssue({ code: 'custom', path: ['postal'], message: 'DOSSIER_POSTAL_DETAILS_REQUIRED' });
  });
/** A validated intake body. */
export type IntakeBody = z.infer<typeof intakeBody>;
