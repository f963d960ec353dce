/**
 * HTTPS for the fake PeeringDB, for tests only. The API key goes only over HTTPS, so every
 * test that syncs with a key talks to the fake over TLS, with this self-signed certificate
 * for localhost, 127.0.0.1 and ::1 (made with `openssl req -x509 -newkey ec -pkeyopt
 * ec_paramgen_curve:prime256v1 -nodes -days 36500 -subj "/CN=Fake PeeringDB (tests only)"
 * -addext "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1"`). Its key is public on purpose:
 * nothing but a test on this computer may ever trust it, and only a test's own fetch does.
 */
import { readFileSync } from 'node:fs';
import { createHash, X509Certificate } from 'node:crypto';
import { Agent, fetch as undiciFetch } from 'undici';

const read = (name: string) => readFileSync(new URL(`./tls/${name}`, import.meta.url), 'utf8');

export const LOOPBACK_TLS = { key: read('loopback-key.pem'), cert: read('loopback-cert.pem') } as const;

/**
 * A fetch that trusts the fake's certificate and no other, as main's would trust PeeringDB's.
 * The app's own code paths stay as they are: only the transport underneath knows the test CA.
 */
export function fetchTrustingLoopbackTls(): typeof fetch {
  const agent = new Agent({ connect: { ca: LOOPBACK_TLS.cert } });
  return ((input: string | URL | Request, init?: RequestInit) =>
    undiciFetch(input instanceof Request ? input.url : input, { ...init, dispatcher: agent } as Parameters<
      typeof undiciFetch
    >[1])) as unknown as typeof fetch;
}

/**
 * The certificate's fingerprint as Electron's Certificate.fingerprint writes it, so an
 * Electron app under test can be told to trust this one certificate and no other.
 */
export function loopbackTlsFingerprint(): string {
  return `sha256/${createHash('sha256').update(new X509Certificate(LOOPBACK_TLS.cert).raw).digest('base64')}`;
}
