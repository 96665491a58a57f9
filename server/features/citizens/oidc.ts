import * as client from 'openid-client';
import { PORTAL_AUTH } from '@core/citizens/api';
import { AppError } from '@core/errors/app-error';
import type { Config } from '../../config/config';
import { SIM_IDP_PATH } from '../../sim/idp/provider';
import { PENDING_TTL_MS, type PendingLogin } from './pending';

/** The portal as an OpenID Connect relying party (authorisation code + PKCE), for one configured provider. */
export interface PortalOidc {
  /** Starts a sign-in: the provider's authorisation address and what the callback must check. */
  start(returnTo: string, now?: number): Promise<{ url: URL; pending: PendingLogin }>;
  /**
   * Completes a sign-in from the provider's answer: checks state and issuer, exchanges the code with
   * the PKCE verifier, validates the ID token (signature, audience, nonce, expiry), reads the claims.
   */
  finish(query: URLSearchParams, pending: PendingLogin): Promise<{ issuer: string; claims: Record<string, unknown> }>;
}

/** The issuer in use: OIDC_ISSUER, else the simulator at PUBLIC_URL (read when needed), else none. */
export function issuerOf(config: Config): string | null {
  return config.oidc.issuer ?? (config.oidc.simulator ? `${config.publicUrl}${SIM_IDP_PATH}` : null);
}

/**
 * The relying party. Discovery happens at the first sign-in (the service is listening by then, which
 * the simulator needs) and is cached for the process; a failed discovery is tried again next time.
 */
export function portalOidc(config: Config): PortalOidc {
  let discovered: Promise<client.Configuration> | null = null;
  const redirectUri = () => `${config.publicUrl}${PORTAL_AUTH.callback}`;

  async function configuration(): Promise<client.Configuration> {
    const issuer = issuerOf(config);
    if (!issuer) throw new AppError('PORTAL_IDENTITY_PROVIDER_UNAVAILABLE', { message: 'no OIDC_ISSUER and no simulator' });
    if (!discovered) {
      const url = new URL(issuer);
      const secret = config.oidc.clientSecret;
      const attempt = client.discovery(url, config.oidc.clientId, secret ?? undefined, secret ? client.ClientSecretPost(secret) : client.None(), {
        // Plain HTTP only outside production (the embedded simulator at http://localhost).
        execute: url.protocol === 'http:' && config.env !== 'production' ? [client.allowInsecureRequests] : [],
        timeout: 10,
      });
      discovered = attempt;
      attempt.catch(() => {
        if (discovered === attempt) discovered = null;
      });
    }
    try {
      return await discovered;
    } catch (cause) {
      throw new AppError('PORTAL_IDENTITY_PROVIDER_UNAVAILABLE', { cause });
    }
  }

  return {
    async start(returnTo, now = Date.now()) {
      const cfg = await configuration();
      const pending: PendingLogin = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        returnTo,
        expiresAt: now + PENDING_TTL_MS,
      };
      const url = client.buildAuthorizationUrl(cfg, {
        redirect_uri: redirectUri(),
        scope: config.oidc.scopes,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        // Always ask the person to sign in: portal devices are often shared, and a provider session left open must not sign in the next person.
        prompt: 'login',
        ui_locales: 'vi',
      });
      return { url, pending };
    },

    async finish(query, pending) {
      const cfg = await configuration();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(cfg, new URL(`${redirectUri()}?${query}`), {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (cause) {
        if (cause instanceof client.AuthorizationResponseError && cause.error === 'access_denied') throw new AppError('PORTAL_LOGIN_CANCELLED', { cause });
        if (cause instanceof TypeError && /fetch failed/i.test(cause.message)) throw new AppError('PORTAL_IDENTITY_PROVIDER_UNAVAILABLE', { cause });
        throw new AppError('PORTAL_LOGIN_FAILED', { cause });
      }
      const idClaims = tokens.claims();
      if (!idClaims) throw new AppError('PORTAL_LOGIN_FAILED', { message: 'no ID token' });
      // Providers put profile claims in the ID token, the UserInfo answer, or both; the signed ID token wins.
      let userInfo: Record<string, unknown> = {};
      if (cfg.serverMetadata().userinfo_endpoint) {
        try {
          userInfo = await client.fetchUserInfo(cfg, tokens.access_token, idClaims.sub);
        } catch (cause) {
          throw new AppError('PORTAL_LOGIN_FAILED', { cause });
        }
      }
      return { issuer: cfg.serverMetadata().issuer, claims: { ...userInfo, ...idClaims } };
    },
  };
}
