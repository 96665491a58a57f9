/**
 * E-result routes (docs/results.md): public verification by code and by file (every attempt
 * logged, rate-limited per address), the staff list of a dossier's e-results and revocation by a
 * leader of the handling unit.
 */
import { createHash } from 'node:crypto';
import fastifyMultipart from '@fastify/multipart';
import { eresultListResponse, revokeBody, verifyByCodeResponse, verifyByFileResponse, type VerifyByFileResponse } from '@core/eresult/api';
import { MAX_VERIFY_BYTES, parseResultCode } from '@core/eresult/eresult';
import { AppError } from '@core/errors/app-error';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActorOf } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor } from '../auth/session-hook';
import { dossierRef, loadDossier } from '../dossiers/load';
import { authorizeDossier } from '../dossiers/scope';
import { signingAuthority } from './authority';
import { revokeEresult } from './commands';
import { presentEresult, presentVerification } from './present';
import { findEresult, findEresultBySha, insertVerification, listEresults, unitNameOf } from './queries';
import { checkSignature } from './signature';

const PDF_MAGIC = Buffer.from('%PDF-');

/** Public verification and the staff side of e-results. */
export function eresultRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const authority = signingAuthority(deps.config.eresult);
  // the CA exists from the first start (generated once in the embedded default, read when imported)
  authority.authority();
  const rateLimit = { max: deps.config.eresult.verifyRateLimit, timeWindow: '1 minute' };

  const answerFor = async (code: string) => {
    const row = parseResultCode(code) ? await findEresult(db, code) : undefined;
    return presentVerification(row?.code ?? code.trim().slice(0, 80), row, row ? await unitNameOf(db, row.issuer_unit_id) : null);
  };

  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_VERIFY_BYTES + 1, files: 1, fields: 2 } });

    app.get(
      '/api/v1/verify/:code',
      {
        config: { ...access('public'), rateLimit },
        schema: { tags: ['verify'], summary: 'Public verification of an e-result by its code: status (valid / revoked / superseded / unknown), issuer, document type, issue date, masked holder, SHA-256', params: z.object({ code: z.string().max(200) }), response: { 200: verifyByCodeResponse } },
      },
      async (req) => {
        const answer = await answerFor(req.params.code);
        await insertVerification(db, { kind: 'code', code: answer.code.slice(0, 80), sha256: null, status: answer.status, problem: null, ip: req.ip });
        return answer;
      },
    );

    app.post(
      '/api/v1/verify',
      {
        config: { ...access('public', { csrfExempt: true }), rateLimit },
        schema: { tags: ['verify'], summary: 'Public verification of an e-result file (multipart: one PDF in "file"): is the signature valid and the content intact, and which e-result it is', consumes: ['multipart/form-data'], response: { 200: verifyByFileResponse } },
      },
      async (req): Promise<VerifyByFileResponse> => {
        if (!req.isMultipart()) {
          await insertVerification(db, { kind: 'file', code: null, sha256: null, status: 'refused', problem: 'not_multipart', ip: req.ip });
          throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        }
        let bytes: Buffer | undefined;
        for await (const part of req.parts()) {
          if (part.type !== 'file') continue;
          bytes = await part.toBuffer().catch(async (err: { code?: string }) => {
            if (err.code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
            await insertVerification(db, { kind: 'file', code: null, sha256: null, status: 'refused', problem: 'too_large', ip: req.ip });
            throw new AppError('UPLOAD_TOO_LARGE', { params: { mb: MAX_VERIFY_BYTES / 1024 / 1024 } });
          });
        }
        if (!bytes || bytes.length === 0) {
          await insertVerification(db, { kind: 'file', code: null, sha256: null, status: 'refused', problem: 'no_file', ip: req.ip });
          throw new AppError('VERIFY_FILE_REQUIRED');
        }
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        if (bytes.length > MAX_VERIFY_BYTES) {
          await insertVerification(db, { kind: 'file', code: null, sha256, status: 'refused', problem: 'too_large', ip: req.ip });
          throw new AppError('UPLOAD_TOO_LARGE', { params: { mb: MAX_VERIFY_BYTES / 1024 / 1024 } });
        }
        // a PDF by content: the header within the first KB, as readers accept it
        if (bytes.subarray(0, 1024).indexOf(PDF_MAGIC) < 0) {
          await insertVerification(db, { kind: 'file', code: null, sha256, status: 'refused', problem: 'not_pdf', ip: req.ip });
          throw new AppError('VERIFY_FILE_NOT_PDF');
        }
        const check = checkSignature(bytes, authority.authority().cert);
        const row = await findEresultBySha(db, sha256);
        let answer: VerifyByFileResponse;
        if (!check.ok) answer = { signatureValid: false, intact: false, problem: check.problem, sha256, signer: check.signer, result: null };
        else if (!row) answer = { signatureValid: true, intact: false, problem: 'not_issued_here', sha256, signer: check.signer, result: null };
        else answer = { signatureValid: true, intact: true, problem: null, sha256, signer: check.signer, result: presentVerification(row.code, row, await unitNameOf(db, row.issuer_unit_id)) };
        await insertVerification(db, { kind: 'file', code: answer.result?.code ?? null, sha256, status: answer.result?.status ?? (answer.intact ? 'unknown' : 'not_intact'), problem: answer.problem, ip: req.ip });
        return answer;
      },
    );

    app.get(
      '/api/v1/dossiers/:ref/eresults',
      { config: access({ permission: 'dossier.read' }), schema: { tags: ['results'], summary: 'The signed e-results of a dossier, in order, with their status', params: z.object({ ref: dossierRef }), response: { 200: eresultListResponse } } },
      async (req) => {
        const row = await loadDossier(db, req.params.ref);
        await authorizeDossier(db, requireActor(req), row);
        return { items: (await listEresults(db, row.id)).map(presentEresult) };
      },
    );

    app.post(
      '/api/v1/eresults/:code/revoke',
      {
        config: access({ permission: 'dossier.read' }),
        schema: { tags: ['results'], summary: 'Revoke an e-result with a reason (a leader of the handling unit); it then verifies as revoked', params: z.object({ code: z.string().max(200) }), body: revokeBody, response: { 200: z.object({ eresult: eresultListResponse.shape.items.element }) } },
      },
      async (req) => {
        const actor = requireActor(req);
        const found = parseResultCode(req.params.code) ? await findEresult(db, req.params.code) : undefined;
        if (!found) throw new AppError('NOT_FOUND');
        const row = await loadDossier(db, found.dossier_id);
        const { roles } = await authorizeDossier(db, actor, row);
        if (!roles.includes('unit_leader')) throw new AppError('ERESULT_REVOKE_NOT_ALLOWED');
        const ctx = { db, actor: { ...auditActorOf(actor), id: actor.userId }, requestId: req.id, now: Date.now() };
        return { eresult: presentEresult(await revokeEresult(ctx, found.code, req.body.reason)) };
      },
    );
  };
}
