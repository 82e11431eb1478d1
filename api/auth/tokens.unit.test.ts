import { generateKeyPairSync } from 'node:crypto';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import { type AccessClaims, signAccessToken, type TokenSettings, verifyAccessToken } from './tokens';

const settings: TokenSettings = {
  secret: 'unit-test-secret-that-is-long-enough-for-hs256',
  issuer: 'market',
  audience: 'market-api',
  accessTokenTtlSeconds: 900,
};
const claims: AccessClaims = { sub: '42', role: 'customer', ep: 3, fam: 'family-1' };
const token = signAccessToken(settings, claims);
const payload = jwt.decode(token) as JwtPayload;
const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (body: object, key: string = settings.secret, algorithm: jwt.Algorithm = 'HS256') =>
  jwt.sign(body, key, { algorithm });

test('a signed token verifies to its claims', () => {
  expect(verifyAccessToken(settings, token)).toEqual(claims);
});

test('it is HS256 with subject, issuer, audience and the configured lifetime', () => {
  expect(jwt.decode(token, { complete: true })!.header).toEqual({ alg: 'HS256', typ: 'JWT' });
  expect(payload).toMatchObject({ sub: '42', iss: 'market', aud: 'market-api', role: 'customer', ep: 3 });
  expect(payload.exp! - payload.iat!).toBe(900);
});

test('a few seconds of clock skew are tolerated', () => {
  expect(verifyAccessToken(settings, sign({ ...payload, exp: now() - 2 }))).toEqual(claims);
});

test.each<[string, () => string]>([
  ['expired', () => sign({ ...payload, iat: now() - 3600, exp: now() - 60 })],
  ['signed with another secret', () => sign(payload, 'another-secret-that-is-long-enough-for-hs256')],
  [
    'with a changed payload',
    () => {
      const [header, , signature] = token.split('.');
      return `${header}.${b64({ ...payload, role: 'admin' })}.${signature}`;
    },
  ],
  [
    'with a changed signature',
    () => `${token.slice(0, -10)}${token.slice(-10).split('').reverse().join('')}`,
  ],
  ['from another issuer', () => signAccessToken({ ...settings, issuer: 'evil' }, claims)],
  ['for another audience', () => signAccessToken({ ...settings, audience: 'other-api' }, claims)],
  ['unsigned (alg: none)', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`],
  ['HS384 with the right secret', () => sign(payload, settings.secret, 'HS384')],
  ['HS512 with the right secret', () => sign(payload, settings.secret, 'HS512')],
  [
    'RS256 with a generated key pair',
    () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return sign(payload, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
    },
  ],
  ['without a session family', () => sign({ ...payload, fam: undefined })],
  ['with a non-numeric epoch', () => sign({ ...payload, ep: '3' })],
  ['without a subject', () => sign({ ...payload, sub: undefined })],
  ['garbage', () => 'a.b.c'],
])('a token %s is refused', (_case, forge) => {
  expect(verifyAccessToken(settings, forge())).toBeNull();
});
