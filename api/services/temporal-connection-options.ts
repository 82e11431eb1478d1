import { rootCertificates } from 'node:tls';
import type { TLSConfig } from '@temporalio/client';
import type { Config } from '../config';

/**
 * What both the API's client `Connection.connect` and the worker's `NativeConnection.connect` need to reach the
 * configured frontend. `tls: false` is explicit when TLS is off, because the SDK would otherwise turn it on by
 * itself whenever an `apiKey` is given (TEMPORAL_TLS=false with an API key means plaintext, e.g. behind a sidecar).
 */
export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig | false;
  /** Sent by the SDK as `authorization: Bearer <apiKey>`. A secret: never log these options. */
  apiKey?: string;
}

/**
 * The public roots bundled with Node.js (Mozilla's list). Without TEMPORAL_TLS_CA_PATH both connections trust these:
 * the client (grpc-js) does so by default, but the worker's Rust core would read the OS store instead, which slim
 * images such as node:*-slim (the Dockerfile's base) leave empty ("No native TLS root certificates found").
 */
let publicRoots: Buffer | undefined;
export const publicRootCertificates = () => (publicRoots ??= Buffer.from(rootCertificates.join('\n')));

/** The connection options for the configured server: the same for the client and the worker. */
export function temporalConnectionOptions(
  temporal: Pick<Config['temporal'], 'address' | 'tls' | 'apiKey'>,
): TemporalConnectionOptions {
  if (!temporal.address) throw new Error('TEMPORAL_ADDRESS is not set (npm start sets it for you)');
  const { tls, apiKey } = temporal;
  return {
    address: temporal.address,
    tls: tls
      ? {
          ...(tls.clientCertPair ? { clientCertPair: tls.clientCertPair } : {}),
          serverRootCACertificate: tls.serverRootCACertificate ?? publicRootCertificates(),
          ...(tls.serverNameOverride ? { serverNameOverride: tls.serverNameOverride } : {}),
        }
      : false,
    ...(apiKey ? { apiKey } : {}),
  };
}

/** Says how the connection is secured, for error messages and logs: never a key, only which settings are in use. */
export function describeTemporalSecurity(options: Omit<TemporalConnectionOptions, 'address'>): string {
  const parts = [
    options.tls
      ? options.tls.clientCertPair
        ? 'mTLS (client certificate)'
        : 'TLS (no client certificate)'
      : 'plaintext',
  ];
  const ca = options.tls ? options.tls.serverRootCACertificate : undefined;
  if (ca && ca !== publicRoots) parts.push('custom CA');
  if (options.tls && options.tls.serverNameOverride)
    parts.push(`server name ${options.tls.serverNameOverride}`);
  if (options.apiKey) parts.push('API key');
  return parts.join(', ');
}
