/**
 * Payment routes: the citizen's (own dossiers), the payment platform's notification (public,
 * signature required) and the back office's (unit-scoped like dossier actions).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@core/errors/app-error';
import { paymentIdSchema, paymentsResponse, recordPaymentBody, recordPaymentResponse, startPaymentBody, startPaymentResponse } from '@core/payment/api';
import { ORDER_ID_PATTERN } from '@core/payment/protocol';
import type { DossierRow } from '../../db/tables/dossiers';
import { access } from '../../http/access';
import { auditActorOf, auditActorOfCitizen } from '../../http/actor';
import type { AppDeps } from '../../http/deps';
import { requireActor, requireCitizen } from '../auth/session-hook';
import { dossierRef, loadDossier } from '../dossiers/load';
import { authorizeDossier, authorizeOverUnit } from '../dossiers/scope';
import { loadOwnDossier } from '../portal/own';
import { recordOfflinePayment, startOnlinePayment } from './commands';
import { PAYMENT_SYSTEM_ACTOR, type PaymentDeps, paymentDeps } from './deps';
import { dueOf } from './due';
import { paymentsBase, presentDue, presentPayment } from './present';
import { findPaymentOfDossier } from './queries';
import { settleReport } from './settle';

const citizenParams = z.object({ code: dossierRef });
const staffParams = z.object({ ref: dossierRef });
const notifyAnswer = z.object({ result: z.enum(['ok', 'duplicate']) });

/** The payments of a dossier with what is due, as the caller sees them. */
async function listFor(deps: PaymentDeps, row: DossierRow, base: string) {
  const found = await dueOf(deps.db, row);
  return { due: presentDue(found, deps.gateway !== null), payments: found.payments.map((p) => presentPayment(p, base)) };
}

/** Sends a stored e-receipt. */
async function sendReceipt(deps: PaymentDeps, reply: FastifyReply, row: DossierRow, paymentId: string) {
  const p = await findPaymentOfDossier(deps.db, row.id, paymentId);
  if (!p?.receipt_sha256) throw new AppError('NOT_FOUND');
  const pdf = await deps.blobs.get(p.receipt_sha256);
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="bien-lai-${p.receipt_number ?? p.id}.pdf"`)
    .header('cache-control', 'private, no-store')
    .send(pdf);
}

/** The order id a refused notification names, for the log (never the signature or the secret). */
function orderIdOf(body: unknown): string | undefined {
  const id = (body as { orderId?: unknown } | null)?.orderId;
  return typeof id === 'string' && ORDER_ID_PATTERN.test(id) ? id : undefined;
}

export function paymentRoutes(app0: AppDeps): FastifyPluginAsyncZod {
  const { db } = app0.database;

  return async (app) => {
    const base = paymentDeps(app0.config, db, app.log);
    // log lines carry the request's id
    const depsOf = (req: FastifyRequest): PaymentDeps => ({ ...base, log: req.log });

    app.get(
      '/api/v1/portal/dossiers/:code/payments',
      { config: access('citizen'), schema: { tags: ['payments'], summary: 'What the applicant owes on their dossier, and its payments with their receipts', params: citizenParams, response: { 200: paymentsResponse } } },
      async (req) => {
        const row = await loadOwnDossier(db, requireCitizen(req), req.params.code);
        return listFor(depsOf(req), row, paymentsBase('citizen', req.params.code));
      },
    );

    app.post(
      '/api/v1/portal/dossiers/:code/payments',
      {
        config: access('citizen'),
        schema: {
          tags: ['payments'],
          summary: 'Starts paying the outstanding amount online: answers the payment (pending) and the payment platform’s page to send the browser to; an open one is offered again',
          params: citizenParams,
          body: startPaymentBody,
          response: { 201: startPaymentResponse },
        },
      },
      async (req, reply) => {
        const citizen = requireCitizen(req);
        const row = await loadOwnDossier(db, citizen, req.params.code);
        const d = depsOf(req);
        const payment = await startOnlinePayment(d, { actor: { ...auditActorOfCitizen(citizen), kind: 'citizen', id: citizen.citizenId }, requestId: req.id, now: Date.now() }, row);
        return reply.code(201).send({ payment: presentPayment(payment, paymentsBase('citizen', req.params.code)), redirectUrl: payment.payment_url! });
      },
    );

    app.get(
      '/api/v1/portal/dossiers/:code/payments/:paymentId/receipt.pdf',
      { config: access('citizen'), schema: { tags: ['payments'], summary: 'The electronic receipt (biên lai điện tử) of a paid online payment, as PDF', params: citizenParams.extend({ paymentId: paymentIdSchema }) } },
      async (req, reply) => {
        const row = await loadOwnDossier(db, requireCitizen(req), req.params.code);
        return sendReceipt(depsOf(req), reply, row, req.params.paymentId);
      },
    );

    app.post(
      '/api/v1/payments/notify',
      {
        config: access('public'),
        schema: { tags: ['payments'], summary: 'The payment platform’s signed notification of an order’s outcome (HMAC-SHA256; docs/portal.md, Payments). 200 once recorded or already recorded', response: { 200: notifyAnswer } },
      },
      async (req) => {
        const d = depsOf(req);
        if (!d.gateway) throw new AppError('PAYMENT_ONLINE_UNAVAILABLE');
        try {
          const report = d.gateway.readNotification(req.body);
          const done = await settleReport(d, report, { actor: PAYMENT_SYSTEM_ACTOR, requestId: req.id, source: 'notification' });
          req.log.info({ orderId: report.orderId, status: done.payment.status, changed: done.changed, feePaid: done.feePaid }, 'payment notification');
          return { result: done.changed ? 'ok' : 'duplicate' } as const;
        } catch (err) {
          if (err instanceof AppError) req.log.warn({ orderId: orderIdOf(req.body), code: err.code }, 'payment notification refused');
          throw err;
        }
      },
    );

    app.get(
      '/api/v1/dossiers/:ref/payments',
      { config: access({ permission: 'dossier.read' }), schema: { tags: ['payments'], summary: 'A dossier’s payments (online, counter, post) and what is due', params: staffParams, response: { 200: paymentsResponse } } },
      async (req) => {
        const row = await loadDossier(db, req.params.ref);
        await authorizeDossier(db, requireActor(req), row);
        return listFor(depsOf(req), row, paymentsBase('staff', req.params.ref));
      },
    );

    app.post(
      '/api/v1/dossiers/:ref/payments',
      {
        config: access({ permission: 'payment.record' }),
        schema: {
          tags: ['payments'],
          summary: 'Records a fee paid at the one-stop counter or through the postal operator, with its receipt number (once per unit); performs fee_paid when that settles an awaiting-fee dossier',
          params: staffParams,
          body: recordPaymentBody,
          response: { 201: recordPaymentResponse },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const row = await loadDossier(db, req.params.ref);
        // the one-stop desk that received the dossier takes its fees
        await authorizeOverUnit(db, actor, 'payment.record', row.unit_id);
        const d = depsOf(req);
        const done = await recordOfflinePayment(d, { actor: { ...auditActorOf(actor), kind: 'staff', id: actor.userId }, requestId: req.id, now: Date.now() }, row, req.body);
        const after = await dueOf(db, (await loadDossier(db, row.id)) as DossierRow);
        return reply.code(201).send({ payment: presentPayment(done.payment, paymentsBase('staff', req.params.ref)), due: presentDue(after, d.gateway !== null) });
      },
    );

    app.get(
      '/api/v1/dossiers/:ref/payments/:paymentId/receipt.pdf',
      { config: access({ permission: 'dossier.read' }), schema: { tags: ['payments'], summary: 'The electronic receipt of a paid online payment, as PDF', params: staffParams.extend({ paymentId: paymentIdSchema }) } },
      async (req, reply) => {
        const row = await loadDossier(db, req.params.ref);
        await authorizeDossier(db, requireActor(req), row);
        return sendReceipt(depsOf(req), reply, row, req.params.paymentId);
      },
    );
  };
}
