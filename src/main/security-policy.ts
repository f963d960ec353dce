/**
 * The security decisions of the main process as pure functions, so they can be tested with
 * hostile input without Electron. src/main/security.ts wires them into Electron's hooks.
 */
import { checkedMailto } from '../shared/export/mailto';

/** Same policy as the renderer's meta tag: nothing but the app's own files, no inline code. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The style directive of the app's policy, and what development relaxes it to. */
const STYLE_SRC = "style-src 'self'";
const DEV_SERVER_STYLE_SRC = "style-src 'self' 'unsafe-inline'";

/**
 * The policy while `npm run dev` serves the renderer: Vite's dev server applies each module's
 * CSS as an inline style element (the build links style sheets), so inline styles are allowed
 * there, and only there. Scripts stay as strict.
 */
export const DEV_SERVER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(STYLE_SRC, DEV_SERVER_STYLE_SRC);

/** The renderer's index.html as the dev server sends it: its meta policy relaxed likewise. */
export function devServerIndexHtml(html: string): string {
  const meta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*)style-src 'self'(;|")/;
  if (!meta.test(html)) throw new Error(`index.html has no Content-Security-Policy meta tag with "${STYLE_SRC}"`);
  return html.replace(meta, `$1${DEV_SERVER_STYLE_SRC}$2`);
}

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_EXTERNAL_URL_LENGTH = 8192;

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * The URL to hand to the OS for an external link, or null when it must not be opened.
 * Only web and mail links: file:, javascript:, data: and custom schemes can run code or open
 * local files through the OS's handlers. The raw string must already be clean, because the URL
 * parser silently drops tabs and newlines ("java\tscript:") and trims spaces.
 */
export function safeExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_EXTERNAL_URL_LENGTH) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\\]/.test(value)) return null;
  const url = parseUrl(value);
  if (!url || !EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  // Only recipients, a subject and a body: a mail program honours cc, bcc or attach too.
  if (url.protocol === 'mailto:') return checkedMailto(value);
  // The parser repairs "http:///x" and "http:/x" into a host it guessed; refuse instead.
  if (!/^https?:\/\/[^/]/i.test(value)) return null;
  return url.hostname === '' ? null : url.href;
}

/**
 * Whether `candidate` is the app's own page. `appUrl` is what the window loads: the built
 * index.html on the app's own scheme (app://peering-assistant/index.html), or the dev server's
 * (or the test harness's) address. Query and fragment are ignored (the UI routes in the
 * fragment). On the app's scheme the exact page is required: the scheme serves every file of
 * the build, and no other one is a page that should get the preload's API.
 */
export function isAppUrl(candidate: unknown, appUrl: string): boolean {
  if (typeof candidate !== 'string') return false;
  const url = parseUrl(candidate);
  const app = parseUrl(appUrl);
  if (!url || !app) return false;
  if (url.username !== '' || url.password !== '') return false;
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    return url.origin === app.origin;
  }
  // Never file://: any local file would pass for the app there (the window no longer uses it).
  if (app.protocol === 'file:') return false;
  // A custom scheme's origin is opaque to the URL parser, which also keeps its host's case
  // (Chromium lowers it for a standard scheme): compare the parts instead.
  return (
    url.protocol === app.protocol &&
    url.host.toLowerCase() === app.host.toLowerCase() &&
    url.pathname === app.pathname
  );
}

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** Only the app's own main frame may call main: never a subframe, never another page. */
export function isTrustedSender(frame: SenderFrame | null | undefined, appUrl: string): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, appUrl);
}

/**
 * Permissions the app's own page may use. Writing to the clipboard is how "copy" buttons work
 * (the browser still requires a user gesture); everything else (camera, location,
 * notifications, ...) the app never needs, so it is refused.
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string, appUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, appUrl);
}
