/**
 * /sim/mail: the simulated mailbox of the embedded default (not under /api, not in production):
 * the e-mails the local SMTP sink received and the simulated SMS, as plain server-rendered HTML.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { listSimSms } from '../../adapters/sms/simulated-sender';
import type { AppDeps } from '../../http/deps';
import { mailListPage, mailMessagePage, notFoundPage, smsListPage } from './page';
import { findSimMail, listSimMail } from './queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const html = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

/** The simulated mailbox's pages. */
export function simMailRoutes(deps: AppDeps): FastifyPluginAsync {
  const { db } = deps.database;
  return async (app) => {
    app.get('/sim/mail', { schema: { hide: true } }, async (_req, reply) => html(reply, mailListPage(await listSimMail(db))));
    app.get('/sim/mail/sms', { schema: { hide: true } }, async (_req, reply) => html(reply, smsListPage(await listSimSms(db))));
    app.get<{ Params: { id: string } }>('/sim/mail/:id', { schema: { hide: true } }, async (req, reply) => {
      const m = UUID.test(req.params.id) ? await findSimMail(db, req.params.id.toLowerCase()) : undefined;
      return m ? html(reply, mailMessagePage(m)) : html(reply, notFoundPage(), 404);
    });
  };
}
