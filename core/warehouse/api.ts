/** Warehouse API schemas: document metadata (with holder validation), views, grants, staff reads with a purpose. */
import { z } from 'zod';
import { formatDate, localDay } from '../calendar/time';
import { isoDateSchema } from '../calendar/schemas';
import { isValidCccd } from '../identity/cccd';
import { isValidTaxCode } from '../identity/tax-code';
import { DOCUMENT_TYPE_CODES, HOLDER_KINDS, documentType } from './catalogue';
import { DOCUMENT_SOURCES, DOCUMENT_STATUSES } from './validity';

/** Today's calendar day in Vietnam (UTC+7), `YYYY-MM-DD`. */
export const vnToday = (ms: number): string => formatDate(localDay(ms));

export const documentIdSchema = z.string().regex(/^[0-9a-fA-F-]{36}$/, { error: 'NOT_FOUND' });

/**
 * What is written about a document: its type from the catalogue, number, issuing unit, dates and
 * holder. The holder's number must be a valid CCCD (a person) or tax code (an organisation); the
 * type must be one the holder kind can hold; a type that expires needs its expiry date, after the issue date.
 */
export const documentMetadata = z
  .object({
    typeCode: z.enum(DOCUMENT_TYPE_CODES, { error: 'WAREHOUSE_TYPE_UNKNOWN' }),
    number: z.string().trim().min(1).max(60),
    issuer: z.string().trim().min(2).max(200),
    issuedOn: isoDateSchema,
    expiresOn: isoDateSchema.nullable().default(null),
    holderKind: z.enum(HOLDER_KINDS),
    holderId: z.string().trim(),
    holderName: z.string().trim().max(200).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.holderKind === 'citizen' && !isValidCccd(m.holderId)) ctx.addIssue({ code: 'custom', path: ['holderId'], message: 'IDENTITY_CCCD_INVALID' });
    if (m.holderKind === 'organisation' && !isValidTaxCode(m.holderId)) ctx.addIssue({ code: 'custom', path: ['holderId'], message: 'IDENTITY_TAX_CODE_INVALID' });
    const type = documentType(m.typeCode);
    if (type && !type.holders.includes(m.holderKind)) ctx.addIssue({ code: 'custom', path: ['holderKind'], message: 'WAREHOUSE_HOLDER_KIND_NOT_ALLOWED' });
    if (type?.expires && !m.expiresOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'WAREHOUSE_EXPIRY_REQUIRED' });
    if (m.expiresOn && m.expiresOn < m.issuedOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'WAREHOUSE_DATES_INVALID' });
  });
export type DocumentMetadata = z.output<typeof documentMetadata>;

/** Staff digitise a component file or a result of a dossier: which one, and what it is. */
export const digitiseBody = z.object({
  source: z.discriminatedUnion('kind', [z.object({ kind: z.literal('file'), fileId: documentIdSchema }), z.object({ kind: z.literal('result'), resultId: documentIdSchema })]),
  metadata: documentMetadata,
  /** The digitised copy replaces this document of the same holder and type (a renewed permit). */
  supersedes: documentIdSchema.optional(),
});
export type DigitiseBody = z.output<typeof digitiseBody>;

/** A component of a dossier answered by a warehouse document (the link, never a copy). */
export const reuseBody = z.object({ componentId: z.string().trim().min(1).max(20), documentId: documentIdSchema });
export const reuseView = z.object({ componentId: z.string(), documentId: z.string(), linkedAt: z.string() });

/** The sharing API's question: a holder's current document of a type, and why it is asked. */
export const sharingQuery = z
  .object({ holderKind: z.enum(HOLDER_KINDS), holderId: z.string().trim(), typeCode: z.enum(DOCUMENT_TYPE_CODES, { error: 'WAREHOUSE_TYPE_UNKNOWN' }), purpose: z.string().trim().min(3, { error: 'WAREHOUSE_PURPOSE_REQUIRED' }).max(300) })
  .superRefine((q, ctx) => {
    if (q.holderKind === 'citizen' && !isValidCccd(q.holderId)) ctx.addIssue({ code: 'custom', path: ['holderId'], message: 'IDENTITY_CCCD_INVALID' });
    if (q.holderKind === 'organisation' && !isValidTaxCode(q.holderId)) ctx.addIssue({ code: 'custom', path: ['holderId'], message: 'IDENTITY_TAX_CODE_INVALID' });
  });

/** Why a member of staff reads a document (logged with the read). */
export const purposeQuery = z.object({ purpose: z.string().trim().min(3, { error: 'WAREHOUSE_PURPOSE_REQUIRED' }).max(300) });

export const documentView = z.object({
  id: z.string(),
  typeCode: z.string(),
  typeName: z.object({ vi: z.string(), en: z.string() }),
  number: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  holderKind: z.enum(HOLDER_KINDS),
  holderId: z.string(),
  holderName: z.string().nullable(),
  source: z.enum(DOCUMENT_SOURCES),
  status: z.enum(DOCUMENT_STATUSES),
  verified: z.boolean(),
  checkedAt: z.string().nullable(),
  provenance: z.object({ dossierCode: z.string().nullable(), unitName: z.string().nullable(), componentId: z.string().nullable(), resultId: z.string().nullable() }),
  supersedes: z.string().nullable(),
  supersededBy: z.string().nullable(),
  mime: z.string(),
  pages: z.number().nullable(),
  size: z.number(),
  createdAt: z.string(),
});
export type DocumentView = z.infer<typeof documentView>;

export const grantView = z.object({ id: z.string(), unitCode: z.string(), unitName: z.string(), grantedAt: z.string(), withdrawnAt: z.string().nullable() });
export const accessLogView = z.object({ at: z.string(), actorKind: z.string(), actorName: z.string().nullable(), unitName: z.string().nullable(), action: z.string(), purpose: z.string().nullable(), allowed: z.boolean() });

export const documentsResponse = z.object({ documents: z.array(documentView) });
export const documentDetailResponse = z.object({ document: documentView, grants: z.array(grantView), accessLog: z.array(accessLogView) });
export const documentResponse = z.object({ document: documentView });
export const grantBody = z.object({ unitCode: z.string().trim().min(1).max(40) });
export const grantResponse = z.object({ grant: grantView });
export const documentTypesResponse = z.object({
  types: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string(), holders: z.array(z.enum(HOLDER_KINDS)), expires: z.boolean(), consentRequired: z.boolean() })),
});
