import net from 'node:net';
import tls from 'node:tls';
import type { TemporalConnectionOptions } from './temporal-connection-options';

/**
 * When the SDK cannot connect over TLS it often says only "Failed to connect before the deadline" (the client) or
 * "transport error" (the worker). This repeats the TLS handshake alone, with the same certificates, to say what
 * went wrong and which variable to look at. Null when TLS is off or the handshake succeeds (the problem is
 * elsewhere: network, API key, namespace). Never throws; sends nothing but the handshake.
 */
export async function diagnoseTemporalTls(
  options: TemporalConnectionOptions,
  timeoutMs = 3000,
): Promise<string | null> {
  const { tls: settings } = options;
  if (!settings) return null;
  const at = options.address.lastIndexOf(':');
  const host = options.address.slice(0, at).replace(/^\[(.*)\]$/, '$1');
  const port = Number(options.address.slice(at + 1));
  const servername = settings.serverNameOverride ?? (net.isIP(host) ? undefined : host);
  const failure = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    const socket = tls.connect({
      host,
      port,
      ...(servername ? { servername } : {}),
      ...(settings.serverRootCACertificate ? { ca: Buffer.from(settings.serverRootCACertificate) } : {}),
      ...(settings.clientCertPair
        ? { cert: Buffer.from(settings.clientCertPair.crt), key: Buffer.from(settings.clientCertPair.key) }
        : {}),
      ALPNProtocols: ['h2'],
    });
    const done = (err: NodeJS.ErrnoException | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(err);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    // With TLS 1.3 the server judges the client certificate after the client thinks the handshake is done, so its
    // verdict (an alert) arrives on the first read: wait a moment for it.
    socket.once('secureConnect', () => {
      socket.resume();
      setTimeout(() => done(null), 1000);
    });
    socket.once('error', done);
    socket.once('end', () =>
      done(
        Object.assign(new Error('the server hung up right after the handshake'), {
          code: 'ECLOSED',
        }),
      ),
    );
  });
  if (!failure) return null;
  // OpenSSL's message is long ("80EC…:error:0A00045C:SSL routines:…"); its reason is the readable part.
  const reason = (failure as { reason?: string }).reason ?? failure.message.trim();
  return `TLS handshake failed: ${reason}${hint(failure, options)}`;
}

function hint(err: NodeJS.ErrnoException, options: TemporalConnectionOptions): string {
  const text = `${err.code ?? ''} ${err.message}`;
  if (/certificate required/i.test(text)) {
    return ' (the server wants a client certificate: set TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH)';
  }
  if (/unknown ca|bad certificate|certificate unknown|unsupported certificate|ECLOSED/i.test(text)) {
    return ' (the server refused the client certificate: is it signed by a CA the server trusts, and still valid?)';
  }
  if (/ALTNAME|Hostname\/IP does not match/i.test(text)) {
    return ` (the server's certificate does not name ${options.address.replace(/:\d+$/, '')}: set TEMPORAL_TLS_SERVER_NAME)`;
  }
  if (/ISSUER|SELF_SIGNED|UNABLE_TO_VERIFY|CERT_UNTRUSTED|CERT_HAS_EXPIRED|NOT_YET_VALID/i.test(text)) {
    return " (the server's certificate is not trusted: set TEMPORAL_TLS_CA_PATH to the CA that signed it)";
  }
  if (/wrong version number|packet length too long|http request/i.test(text)) {
    return ' (the server does not speak TLS: unset TEMPORAL_TLS and the TLS settings, or check TEMPORAL_ADDRESS)';
  }
  return '';
}
