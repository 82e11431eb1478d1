import { generateKeyPairSync } from 'node:crypto';
import type { Express } from 'express';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import request from 'supertest';
import { type TestDeps } from '../../testing/deps';
import { createTestUser } from '../../testing/users';
import { createAuthTestApp, expectProblem } from '../auth/testing';

// Every way an access token can be forged or outdated is refused by GET /api/me, for a real, enabled user.
let deps: TestDeps;
let app: Express;
let genuine: string;
let claims: JwtPayload;
let secret: string;

beforeAll(async () => {
  ({ deps, app } = await createAuthTestApp());
  secret = deps.config.auth.jwtSecret!;
  genuine = (await createTestUser(deps)).tokens.accessToken;
  claims = jwt.decode(genuine) as JwtPayload;
});
afterAll(async () => {
  await deps.close();
});

const me = (token: string) => request(app).get('/api/me').set('Authorization', `Bearer ${token}`);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (payload: object, key: string = secret, algorithm: jwt.Algorithm = 'HS256') =>
  jwt.sign(payload, key, { algorithm });
const now = () => Math.floor(Date.now() / 1000);

const forgeries: [string, () => string][] = [
  ['expired', () => sign({ ...claims, iat: now() - 3600, exp: now() - 60 })],
  ['signed with another secret', () => sign(claims, 'another-secret-that-is-long-enough-for-hs256')],
  [
    'with a changed payload (role: admin)',
    () => {
      const [header, , signature] = genuine.split('.');
      return `${header}.${b64({ ...claims, role: 'admin' })}.${signature}`;
    },
  ],
  ['from another issuer', () => sign({ ...claims, iss: 'someone-else' })],
  ['for another audience', () => sign({ ...claims, aud: 'another-api' })],
  ['unsigned (alg: none)', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`],
  ['HS512 with the right secret', () => sign(claims, secret, 'HS512')],
  [
    'RS256 with a key pair of its own',
    () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return sign(claims, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
    },
  ],
  ['without the session claim', () => sign({ ...claims, fam: undefined })],
  ['from an outdated session epoch', () => sign({ ...claims, ep: claims.ep - 1 })],
  ['not a JWT at all', () => 'not-a-token'],
];

test('the genuine token, and its claims signed as the server signs them, work (so the refusals mean something)', async () => {
  expect((await me(genuine)).status).toBe(200);
  expect((await me(sign(claims))).status).toBe(200);
});

test.each(forgeries)('a token %s is a 401 invalid_token', async (_case, forge) => {
  const res = await me(forge());
  expectProblem(res, 401, 'invalid_token');
  expect(res.headers['www-authenticate']).toBe('Bearer');
});

test('a token in the query string or a Basic header is not accepted', async () => {
  expectProblem(await request(app).get(`/api/me?access_token=${genuine}`), 401, 'invalid_token');
  expectProblem(
    await request(app).get('/api/me').set('Authorization', `Basic ${genuine}`),
    401,
    'invalid_token',
  );
});
