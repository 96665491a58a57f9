import Provider, { type Account, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { memoryAdapter } from './adapter';
import { SIM_IDENTITIES, type SimIdentity } from './identities';
import type { SimSigningKeys } from './keys';
import { messagePage } from './page';

/** Where the simulator is mounted in the service. */
export const SIM_IDP_PATH = '/sim/idp';

/** The scopes the simulator serves and the claims each releases; `citizen` carries the portal's own claims. */
export const SIM_CLAIMS = {
  openid: ['sub'],
  profile: ['name', 'birthdate'],
  email: ['email', 'email_verified'],
  phone: ['phone_number'],
  address: ['address'],
  citizen: ['cccd', 'identity_level', 'organisations'],
} as const;

/** What the simulator asserts about one demo identity (OIDC standard claims plus the portal's). */
export function simClaimsOf(who: SimIdentity): Record<string, unknown> & { sub: string } {
  return {
    sub: who.sub,
    name: who.fullName,
    birthdate: who.birthDate,
    email: who.email,
    email_verified: true,
    phone_number: who.phone,
    address: { formatted: who.address, country: 'VN' },
    cccd: who.idNumber,
    identity_level: who.level,
    organisations: who.organisations.map((o) => ({ tax_code: o.taxCode, name: o.name })),
  };
}

export interface SimProviderOptions {
  issuer: string;
  client: { id: string; secret: string | null; redirectUri: string };
  signingKeys: SimSigningKeys;
  cookieKeys: string[];
  onServerError?: (err: unknown) => void;
}

/**
 * The identity-provider SIMULATOR: a real OpenID Connect provider (oidc-provider) with the demo
 * identities as its accounts and the portal as its only client. Authorisation code with PKCE (S256)
 * only; consent is implied for that first-party client, so the one page a person sees is the
 * identity picker (routes.ts).
 */
export function createSimProvider(o: SimProviderOptions): Provider {
  const configuration: Configuration = {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: o.client.id,
        ...(o.client.secret ? { client_secret: o.client.secret, token_endpoint_auth_method: 'client_secret_post' } : { token_endpoint_auth_method: 'none' }),
        client_name: 'Cổng Dịch vụ công',
        redirect_uris: [o.client.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: Object.keys(SIM_CLAIMS),
    claims: Object.fromEntries(Object.entries(SIM_CLAIMS).map(([k, v]) => [k, [...v]])),
    jwks: o.signingKeys as Configuration['jwks'],
    cookies: {
      keys: o.cookieKeys,
      names: { session: 'sim_idp_session', interaction: 'sim_idp_interaction', resume: 'sim_idp_resume' },
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `${SIM_IDP_PATH}/interaction/${interaction.uid}` },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    clientBasedCORS: () => false,
    discovery: { ui_locales_supported: ['vi'], service_documentation: undefined },
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      const who = SIM_IDENTITIES.find((i) => i.sub === sub);
      if (!who) return undefined;
      return { accountId: who.sub, claims: () => simClaimsOf(who) };
    },
    // First-party client: consent is implied, so the grant covers whatever it asks within the simulator's scopes.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { provider, client, account, session, params } = ctx.oidc;
      if (!client || !account) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session?.grantIdFor(client.clientId);
      const found = grantId ? await provider.Grant.find(grantId) : undefined;
      const grant = found && found.accountId === account.accountId ? found : new provider.Grant({ clientId: client.clientId, accountId: account.accountId });
      const asked = String(params?.scope ?? 'openid')
        .split(' ')
        .filter((s) => s in SIM_CLAIMS);
      grant.addOIDCScope(asked.join(' '));
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = messagePage('Không đăng nhập được', `Nhà cung cấp định danh mô phỏng từ chối yêu cầu: ${out.error}${out.error_description ? ` — ${out.error_description}` : ''}.`);
    },
  };
  const provider = new Provider(o.issuer, configuration);
  if (o.onServerError) provider.on('server_error', (_ctx: unknown, err: unknown) => o.onServerError?.(err));
  return provider;
}
