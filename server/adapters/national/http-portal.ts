/** The client of the national portal's HMAC JSON protocol (core/dossier/national-sync.ts): the local simulator, or a portal speaking it. */
import { type NationalDossierFields, nationalSyncAccepted, nationalSyncRefused } from '@core/dossier/national-sync';
import { signed, verifyFields } from '../payment/hmac';
import { NationalPortalUnavailable, type NationalPortal, type SyncOutcome } from './portal';

/** The protocol's one path, under the portal's base URL. */
export const NATIONAL_SYNC_PATH = '/api/hoso/dongbo';

export interface HttpNationalPortalOptions {
  /** The portal's base URL, server to server. */
  url: string;
  /** Our system's id at the portal (`MaHeThong`). */
  systemId: string;
  /** The secret shared with the portal. */
  secret: string;
  /** Per request. */
  timeoutMs?: number;
}

/** Posts each dossier signed; believes an acknowledgement only when its signature is the portal's and it names the dossier version sent. */
export class HttpNationalPortal implements NationalPortal {
  constructor(private readonly o: HttpNationalPortalOptions) {}

  async syncDossier(payload: NationalDossierFields): Promise<SyncOutcome> {
    const where = `${NATIONAL_SYNC_PATH} ${payload.MaHoSo} v${payload.PhienBan}`;
    let res: Response;
    try {
      res = await fetch(`${this.o.url}${NATIONAL_SYNC_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(signed(this.o.secret, { ...payload, MaHeThong: this.o.systemId, ThoiGianGui: new Date().toISOString() })),
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new NationalPortalUnavailable(`${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const data: unknown = await res.json().catch(() => undefined);
    if (res.status === 200) {
      const parsed = nationalSyncAccepted.safeParse(data);
      if (!parsed.success) throw new NationalPortalUnavailable(`${where}: answer not in the protocol`);
      const a = parsed.data;
      if (a.MaHeThong !== this.o.systemId || !verifyFields(this.o.secret, a, a.signature)) throw new NationalPortalUnavailable(`${where}: answer signature invalid`);
      if (a.MaHoSo !== payload.MaHoSo || a.PhienBan !== payload.PhienBan) throw new NationalPortalUnavailable(`${where}: answer for another dossier version`);
      return { accepted: true, receivedAt: new Date(a.ThoiGianNhan) };
    }
    // 401/403: our credentials or clock are refused, which no dossier can fix; 5xx and the rest: the portal's trouble
    const refused = nationalSyncRefused.safeParse(data);
    if ((res.status === 400 || res.status === 409 || res.status === 422) && refused.success) {
      return { accepted: false, code: refused.data.error_code, message: refused.data.message };
    }
    throw new NationalPortalUnavailable(`${where}: HTTP ${res.status}${refused.success ? ` ${refused.data.error_code}` : ''}`);
  }
}
