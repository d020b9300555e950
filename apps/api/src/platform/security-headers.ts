// Security headers on every answer (API, health checks and the portal), with helmet.
//
// The Content-Security-Policy fits the portal as Vite builds it: module scripts from this origin only (no inline
// script, no eval), GraphQL on this origin, nothing from any other origin (the portal loads no CDN, font or image from
// elsewhere). Styles allow 'unsafe-inline': MUI's emotion inserts <style> elements at run time (with `style-src 'self'`
// the sign-in screen still renders, but 28 of the 30 end-to-end tests then fail on blocked inline styles); an inline
// style cannot run code, and a nonce would need a per-request index.html and an emotion cache that carries it.
// The portal may not be framed (frame-ancestors 'none' and X-Frame-Options: DENY), answers are not MIME-sniffed,
// and no Referer leaves the portal.
//
// Not sent: Strict-Transport-Security (the API speaks plain HTTP; the TLS terminator in front of it should send it)
// and upgrade-insecure-requests (it would break the portal reached over plain HTTP on a LAN address).
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES as unknown as Record<string, string[]> },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  }) as unknown as RequestHandler;
}
