/**
 * The Content-Security-Policy of every HTML page: scripts run only when they carry this response's nonce
 * (Next.js puts it on its own scripts when it renders the page), and scripts those load ('strict-dynamic').
 * No inline script, no eval, no other origin. Every page is therefore rendered per request
 * (docs/decisions/011).
 *
 * NOTE: style-src allows inline styles: React's `style` attributes (progress bars, the timeline) cannot
 * carry a nonce, and a style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

