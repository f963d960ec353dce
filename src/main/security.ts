/**
 * Electron's security checklist applied to the app: a CSP header, navigation and new-window
 * guards, permissions refused, and the one helper through which links leave the app.
 * The decisions themselves are pure and tested in security-policy.ts.
 */
import { shell, type Session, type WebContents } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  DEV_SERVER_CONTENT_SECURITY_POLICY,
  isAppUrl,
  isPermissionAllowed,
  safeExternalUrl,
} from './security-policy';

/** Opens a web or mail link in the user's browser or mail client; anything else is refused. */
export async function openExternalSafely(url: unknown): Promise<boolean> {
  const safe = safeExternalUrl(url);
  if (!safe) {
    console.warn(`Refused to open an external link that is not a plain http(s) or mailto URL: ${String(url).slice(0, 200)}`);
    return false;
  }
  try {
    // eslint-disable-next-line no-restricted-syntax -- this is the one checked helper
    await shell.openExternal(safe);
    return true;
  } catch (error) {
    console.warn(`Could not open ${safe}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/**
 * Session-wide: CSP on every response and permissions refused, whatever the page. `devServer`
 * (an unpackaged app on `npm run dev`) allows the dev server's inline styles.
 */
export function secureSession(session: Session, appUrl: string, { devServer = false } = {}): void {
  const policy = devServer ? DEV_SERVER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [policy],
      },
    });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, appUrl));
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) => {
    // The page's own URL identifies the app: only its index page on the app's scheme counts.
    const url = details.requestingUrl ?? contents?.getURL() ?? '';
    return details.isMainFrame && isPermissionAllowed(permission, url, appUrl);
  });
}

/** Per page: it may not leave the app's own URL, open windows, or embed webviews. */
export function secureWebContents(contents: WebContents, appUrl: string): void {
  const keepInApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url, appUrl)) return;
    event.preventDefault();
    console.warn(`Blocked navigation away from the app to ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', (event) => keepInApp(event, event.url));
  contents.on('will-redirect', (event) => keepInApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
}
