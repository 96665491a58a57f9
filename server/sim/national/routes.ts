/**
 * The NATIONAL PORTAL SIMULATOR (Cổng Dịch vụ công quốc gia mô phỏng) under /sim/dvcqg, mounted only
 * when enabled (embedded default, development, tests; never in production): the protocol's sync
 * endpoint (core/dossier/national-sync.ts), which checks the sender and its HMAC signature and keeps
 * each dossier version once, and a page listing what it received.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { nationalSyncRequest } from '@core/dossier/national-sync';
import { signed, verifyFields } from '../../adapters/payment/hmac';
import type { AppDeps } from '../../http/deps';
import { nationalListPage } from './page';
import { listSimNationalDossiers, receiveSimNationalDossier } from './queries';

/** Where the simulator is mounted; NATIONAL_PORTAL_URL's embedded default. */
export const SIM_NATIONAL_PATH = '/sim/dvcqg';
/** Messages sent further than this from the simulator's clock are refused (replays of old captures). */
export const SIM_NATIONAL_MAX_SKEW_MS = 5 * 60_000;

const refuse = (reply: FastifyReply, status: number, code: string, message: string) => reply.code(status).header('cache-control', 'no-store').send({ error_code: code, message });

/** The simulator's endpoint and page. */
export function simNationalRoutes({ config, database }: AppDeps): FastifyPluginAsync {
  const { db } = database;
  return async (app) => {
    const portal = config.national.portal;
    if (!config.national.simulator || !portal) return;

    app.post(`${SIM_NATIONAL_PATH}/api/hoso/dongbo`, { schema: { hide: true } }, async (req, reply) => {
      const parsed = nationalSyncRequest.safeParse(req.body);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => i.path.join('.') || '(body)').join(', ');
        return refuse(reply, 400, 'INVALID_MESSAGE', `Bản tin không đúng giao thức: ${fields}`);
      }
      const m = parsed.data;
      if (m.MaHeThong !== portal.systemId || !verifyFields(portal.secret, m, m.signature)) {
        req.log.warn({ system: m.MaHeThong, code: m.MaHoSo }, 'NATIONAL PORTAL SIMULATOR: signature refused');
        return refuse(reply, 401, 'SIGNATURE_INVALID', 'Chữ ký bản tin không hợp lệ hoặc hệ thống gửi không được đăng ký.');
      }
      if (Math.abs(Date.now() - Date.parse(m.ThoiGianGui)) > SIM_NATIONAL_MAX_SKEW_MS) {
        return refuse(reply, 401, 'TIME_SKEW', 'Thời gian gửi bản tin lệch quá 5 phút so với đồng hồ của Cổng.');
      }
      const { signature: _signature, ...payload } = m;
      const got = await receiveSimNationalDossier(db, {
        systemId: m.MaHeThong,
        code: m.MaHoSo,
        version: m.PhienBan,
        procedureCode: m.MaTTHC,
        agencyCode: m.MaCoQuan,
        channel: m.KenhThucHien,
        status: m.TrangThaiHoSo,
        payload,
      });
      req.log.info({ code: m.MaHoSo, version: m.PhienBan, status: m.TrangThaiHoSo, duplicate: got.duplicate }, 'NATIONAL PORTAL SIMULATOR: dossier received');
      return reply.header('cache-control', 'no-store').send(
        signed(portal.secret, {
          error_code: 0,
          message: got.duplicate ? 'Phiên bản hồ sơ đã được tiếp nhận trước đó.' : 'Đồng bộ hồ sơ thành công.',
          MaHeThong: m.MaHeThong,
          MaHoSo: m.MaHoSo,
          PhienBan: m.PhienBan,
          ThoiGianNhan: got.receivedAt.toISOString(),
        }),
      );
    });

    app.get<{ Querystring: { ma?: string } }>(SIM_NATIONAL_PATH, { schema: { hide: true } }, async (req, reply) => {
      const code = typeof req.query.ma === 'string' && req.query.ma.trim() ? req.query.ma.trim().slice(0, 60) : null;
      const list = await listSimNationalDossiers(db, code ? { code } : {});
      return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(nationalListPage({ ...list, code }));
    });
  };
}
