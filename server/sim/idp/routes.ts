import type { IncomingMessage } from 'node:http';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type Provider from 'oidc-provider';
import { PORTAL_AUTH } from '@core/citizens/api';
import type { AppDeps } from '../../http/deps';
import { SIM_IDENTITIES } from './identities';
import { loadOrCreateSimKeys, simCookieKeys } from './keys';
import { messagePage, pickerPage } from './page';
import { SIM_IDP_PATH, createSimProvider } from './provider';

const SESSION_COOKIE = /^\s*sim_idp_session(\.[a-z]+)?=/;
const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
const expired = (reply: FastifyReply) =>
  html(reply, 400, messagePage('Phiên đăng nhập đã hết hạn', 'Yêu cầu đăng nhập này không còn hiệu lực (quá 10 phút, đã dùng, hoặc máy chủ mô phỏng vừa khởi động lại). Vui lòng đăng nhập lại từ Cổng Dịch vụ công.'));

/**
 * Mounts the identity-provider SIMULATOR under /sim/idp when enabled (embedded default, development,
 * tests): the provider's own endpoints (discovery, authorisation, token, UserInfo, JWKS) and its one
 * page, the identity picker. The provider is built at first use, because its issuer is PUBLIC_URL's.
 */
export function simIdpRoutes({ config }: AppDeps): FastifyPluginAsync {
  return async (app) => {
    if (!config.oidc.simulator) return;
    let provider: Provider | null = null;
    let handle: ReturnType<Provider['callback']> | null = null;
    const op = (): Provider => {
      provider ??= createSimProvider({
        issuer: `${config.publicUrl}${SIM_IDP_PATH}`,
        client: { id: config.oidc.clientId, secret: config.oidc.clientSecret, redirectUri: `${config.publicUrl}${PORTAL_AUTH.callback}` },
        signingKeys: loadOrCreateSimKeys(config.dataDir),
        cookieKeys: simCookieKeys(config.sessionSecret),
        onServerError: (err) => app.log.error({ err }, 'identity simulator error'),
      });
      return provider;
    };

    // The picker: its forms are the only bodies parsed here (url-encoded, small).
    await app.register(async (pages) => {
      pages.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
      type Params = { Params: { uid: string } };
      type Form = Params & { Body: Record<string, string> | undefined };
      const base = `${SIM_IDP_PATH}/interaction/:uid`;

      pages.get<Params>(base, { schema: { hide: true } }, async (req, reply) => {
        const details = await op()
          .interactionDetails(req.raw, reply.raw)
          .catch(() => null);
        if (!details || details.uid !== req.params.uid) return expired(reply);
        const action = `${SIM_IDP_PATH}/interaction/${encodeURIComponent(details.uid)}`;
        return html(reply, 200, pickerPage({ action: `${action}/login`, abortAction: `${action}/abort`, identities: SIM_IDENTITIES }));
      });

      pages.post<Form>(`${base}/login`, { schema: { hide: true } }, async (req, reply) => {
        const p = op();
        const details = await p.interactionDetails(req.raw, reply.raw).catch(() => null);
        if (!details || details.uid !== req.params.uid) return expired(reply);
        const who = SIM_IDENTITIES.find((i) => i.sub === req.body?.sub);
        if (!who) return html(reply, 400, messagePage('Danh tính không hợp lệ', 'Vui lòng quay lại và chọn một trong các danh tính thử nghiệm.'));
        // `remember: false`: the simulator's session ends with the browser; the portal asks for prompt=login anyway.
        const returnTo = await p.interactionResult(req.raw, reply.raw, { login: { accountId: who.sub, remember: false } }, { mergeWithLastSubmission: false });
        return reply.redirect(returnTo, 303);
      });

      pages.post<Form>(`${base}/abort`, { schema: { hide: true } }, async (req, reply) => {
        const p = op();
        const details = await p.interactionDetails(req.raw, reply.raw).catch(() => null);
        if (!details || details.uid !== req.params.uid) return expired(reply);
        const returnTo = await p.interactionResult(req.raw, reply.raw, { error: 'access_denied', error_description: 'Người dùng đã hủy đăng nhập.' }, { mergeWithLastSubmission: false });
        return reply.redirect(returnTo, 303);
      });
    });

    // Everything else under /sim/idp is the provider itself (a Koa application), given the raw request
    // with the mount path stripped; its bodies are left unread for it to parse.
    await app.register(async (raw) => {
      raw.removeAllContentTypeParsers();
      raw.addContentTypeParser('*', (_req, _payload, done) => done(null));
      raw.all(`${SIM_IDP_PATH}/*`, { schema: { hide: true } }, async (req, reply) => {
        reply.hijack();
        const message = req.raw as IncomingMessage & { originalUrl?: string };
        const url = message.url ?? '/';
        message.originalUrl = url;
        message.url = url.slice(SIM_IDP_PATH.length) || '/';
        // The simulator keeps no sign-in between authorisations: without its session cookie every
        // authorisation starts afresh, so choosing another identity never meets the previous one's session.
        const cookie = message.headers.cookie;
        if (cookie) message.headers.cookie = cookie.split(';').filter((c) => !SESSION_COOKIE.test(c)).join(';');
        handle ??= op().callback();
        await handle(message, reply.raw);
      });
    });
  };
}
