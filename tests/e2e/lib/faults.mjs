// Koa middleware that makes the real provider misbehave on purpose, for negative tests. The
// provider signs with a key this process generated, so an ID token can be re-signed with changed
// claims and still verify: only the one fault under test is wrong.
import { sign } from 'node:crypto';

import { rsaPrivateKey } from './keys.mjs';

const FOREIGN_KEY = rsaPrivateKey();

function b64(value) {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))
    .toString('base64url');
}

function signJwt(header, payload, key) {
  const input = `${b64(header)}.${b64(payload)}`;
  if (header.alg === 'none') {
    return `${input}.`;
  }
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

function tamper(idToken, mode, signingKey) {
  const [rawHeader, rawPayload] = idToken.split('.');
  const header = JSON.parse(Buffer.from(rawHeader, 'base64url').toString('utf8'));
  const payload = JSON.parse(Buffer.from(rawPayload, 'base64url').toString('utf8'));
  const now = Math.floor(Date.now() / 1000);
  let key = signingKey;

  switch (mode) {
    case 'wrong-issuer': payload.iss = 'https://wrong-issuer.example.test'; break;
    case 'wrong-audience': payload.aud = 'another-client'; delete payload.azp; break;
    case 'extra-audience-no-azp':
      payload.aud = [payload.aud, 'another-client'].flat();
      delete payload.azp;
      break;
    case 'expired': payload.iat = now - 1200; payload.exp = now - 600; break;
    case 'future-iat': payload.iat = now + 3600; payload.exp = now + 7200; break;
    case 'wrong-nonce': payload.nonce = 'not-the-nonce-that-was-sent'; break;
    case 'missing-nonce': delete payload.nonce; break;
    case 'bad-signature': key = FOREIGN_KEY; break;
    case 'alg-none': header.alg = 'none'; delete header.kid; break;
    default: throw new Error(`idTokenTamper "${mode}" is not handled.`);
  }
  return signJwt(header, payload, key);
}

/**
 * Rewrites token endpoint answers: tampers the ID token or drops it from refresh answers.
 * Runs after oidc-provider has built the answer.
 */
export function tokenFaults(settings, signingKey) {
  return async (ctx, next) => {
    await next();
    if (ctx.oidc?.route !== 'token' || ctx.status !== 200 || !ctx.body?.id_token) {
      return;
    }
    const grant = ctx.oidc.params?.grant_type;
    if (settings.refreshOmitsIdToken && grant === 'refresh_token') {
      delete ctx.body.id_token;
      return;
    }
    const applies = settings.idTokenTamperGrant === 'any' || settings.idTokenTamperGrant === grant;
    if (settings.idTokenTamper !== 'none' && applies) {
      ctx.body.id_token = tamper(ctx.body.id_token, settings.idTokenTamper, signingKey);
    }
  };
}

/**
 * Changes the authorization response on its way to the loopback redirect: `state` or the
 * RFC 9207 `iss` parameter, so the client's checks of both can be exercised.
 */
export function callbackFaults(settings, issuer) {
  return async (ctx, next) => {
    await next();
    const location = ctx.response.get('location');
    if (!location || !(settings.callbackState || settings.callbackIssuer)) {
      return;
    }
    // Redirects within the provider are relative; only absolute ones leave it.
    const target = new URL(location, issuer);
    const isResponse = target.origin !== issuer
      && (target.searchParams.has('code') || target.searchParams.has('error'));
    if (!isResponse) {
      return;
    }
    if (settings.callbackState) {
      target.searchParams.set('state', settings.callbackState);
    }
    if (settings.callbackIssuer) {
      target.searchParams.set('iss', settings.callbackIssuer);
    }
    ctx.redirect(target.href);
  };
}

/**
 * Replaces the dev interactions' "[ Cancel ]" answer (always access_denied with a fixed
 * description) with a configured error, e.g. a description holding HTML.
 */
export function abortFaults(settings, provider) {
  return async (ctx, next) => {
    const isAbort = ctx.method === 'GET' && /^\/interaction\/[^/]+\/abort$/.test(ctx.path);
    if (!isAbort || !settings.abortError) {
      await next();
      return;
    }
    const result = { error: settings.abortError };
    if (settings.abortErrorDescription) {
      result.error_description = settings.abortErrorDescription;
    }
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, {
      mergeWithLastSubmission: false,
    });
    ctx.set('cache-control', 'no-store');
    ctx.status = 303;
    ctx.redirect(returnTo);
  };
}
