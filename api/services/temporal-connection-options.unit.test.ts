import { rootCertificates } from 'node:tls';
import {
  describeTemporalSecurity,
  publicRootCertificates,
  temporalConnectionOptions,
} from './temporal-connection-options';

const crt = Buffer.from('-----BEGIN CERTIFICATE-----\nclient\n-----END CERTIFICATE-----\n');
const key = Buffer.from('-----BEGIN PRIVATE KEY-----\nsecret-key-bytes\n-----END PRIVATE KEY-----\n');
const ca = Buffer.from('-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n');
const address = 'market.a1b2c.tmprl.cloud:7233';

describe('temporalConnectionOptions', () => {
  test('plaintext: TLS explicitly off, so the SDK does not turn it on by itself', () => {
    expect(temporalConnectionOptions({ address: 'temporal:7233', tls: null, apiKey: null })).toEqual({
      address: 'temporal:7233',
      tls: false,
    });
  });

  test('mTLS: client certificate pair, CA and server name, as both Connection and NativeConnection take them', () => {
    const options = temporalConnectionOptions({
      address,
      tls: {
        clientCertPair: { crt, key },
        serverRootCACertificate: ca,
        serverNameOverride: 'frontend.internal',
      },
      apiKey: null,
    });
    expect(options).toEqual({
      address,
      tls: {
        clientCertPair: { crt, key },
        serverRootCACertificate: ca,
        serverNameOverride: 'frontend.internal',
      },
    });
    expect(options).not.toHaveProperty('apiKey');
  });

  test('Temporal Cloud with an API key: server-authenticated TLS with the public roots, and the key', () => {
    const options = temporalConnectionOptions({
      address,
      tls: { clientCertPair: null, serverRootCACertificate: null, serverNameOverride: null },
      apiKey: 'cloud-key',
    });
    expect(options).toEqual({
      address,
      tls: { serverRootCACertificate: publicRootCertificates() },
      apiKey: 'cloud-key',
    });
    expect(describeTemporalSecurity(options)).toBe('TLS (no client certificate), API key');
  });

  test("without a CA, client and worker both trust Node's bundled public roots, not the OS store", () => {
    // The worker's core would otherwise read the OS store, which slim container images leave empty.
    const roots = publicRootCertificates().toString('utf8');
    expect(roots.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(rootCertificates.length);
    expect(rootCertificates.length).toBeGreaterThan(100);
  });

  test('an API key with TEMPORAL_TLS=false stays plaintext (tls: false wins over the SDK default)', () => {
    expect(temporalConnectionOptions({ address, tls: null, apiKey: 'k' })).toEqual({
      address,
      tls: false,
      apiKey: 'k',
    });
  });

  test('without an address there is nothing to connect to', () => {
    expect(() => temporalConnectionOptions({ address: null, tls: null, apiKey: null })).toThrow(
      /TEMPORAL_ADDRESS is not set/,
    );
  });
});

describe('describeTemporalSecurity', () => {
  test('names the settings in use, never the key or the PEM contents', () => {
    expect(describeTemporalSecurity({ tls: false })).toBe('plaintext');
    expect(describeTemporalSecurity({ tls: {}, apiKey: 'cloud-key' })).toBe(
      'TLS (no client certificate), API key',
    );
    const mtls = describeTemporalSecurity({
      tls: {
        clientCertPair: { crt, key },
        serverRootCACertificate: ca,
        serverNameOverride: 'frontend.internal',
      },
      apiKey: 'cloud-key',
    });
    expect(mtls).toBe('mTLS (client certificate), custom CA, server name frontend.internal, API key');
    expect(mtls).not.toContain('cloud-key');
    expect(mtls).not.toContain('secret-key-bytes');
  });
});
