import { UniqueConstraintError } from 'sequelize';
import { hashPassword } from '@market/db';
import { sessionContext } from '../../auth/context';
import { passwordProblems } from '../../auth/passwords';
import { endSession, rotateSession, startSession } from '../../auth/sessions';
import { ConflictError, ValidationError } from '../../errors';
import { rateLimited } from '../../openapi/document';
import { defineRoute } from '../../openapi/route';
import { presentUser } from '../../presenters/user';
import { checkCredentials } from './credentials';
import { authLimit } from './limits';
import { authSessionSchema, loginBody, refreshBody, registerBody, tokenPairSchema } from './schema';

const tags = ['Auth'];
const emailTaken = () => new ConflictError('An account with this email already exists.', 'email_taken');

export const register = defineRoute({
  method: 'post',
  path: '/api/auth/register',
  access: 'public',
  summary: 'Create an account with email and password, and sign in',
  description:
    'Creates a customer account and starts a session (as login does). The email is trimmed and lower-cased. ' +
    'The password must be 8–256 characters, not the email address and not a common password. ' +
    'Limited to AUTH_RATE_LIMIT_PER_MINUTE requests per client IP and minute (default 10).',
  tags,
  request: { body: registerBody },
  status: 201,
  responses: {
    201: { description: 'Account created and signed in', schema: authSessionSchema },
    409: { description: 'An account with this email exists (`email_taken`)' },
    422: { description: 'Invalid input or a weak password (`validation_failed`, naming `body.password`)' },
    429: rateLimited,
  },
  before: authLimit('register'),
  handler: async ({ input, deps }) => {
    const { email, password, name } = input.body;
    const problems = passwordProblems(password, email);
    if (problems.length) throw new ValidationError(problems);
    const { User } = deps.db.models;
    if ((await User.count({ where: { email } })) > 0) throw emailTaken();
    const passwordHash = await hashPassword(password);
    const user = await User.create({ email, name, passwordHash }).catch((err: unknown) => {
      throw err instanceof UniqueConstraintError ? emailTaken() : err; // lost a race with the same email
    });
    const tokens = await startSession(sessionContext(deps), user);
    return { user: presentUser(user), ...tokens };
  },
});

export const login = defineRoute({
  method: 'post',
  path: '/api/auth/login',
  access: 'public',
  summary: 'Sign in with email and password',
  description:
    'Starts a new session: an access token (short-lived JWT) and a refresh token (single use, see refresh). ' +
    'Every failure (unknown email, wrong password, account without a password, disabled account) is the same ' +
    '401 `invalid_credentials`, answered after the same hashing work. After AUTH_RATE_LIMIT_PER_MINUTE failed ' +
    'attempts (default 10) within a minute from one client IP, further attempts are a 429 until the minute ends.',
  tags,
  request: { body: loginBody },
  responses: {
    200: { description: 'Signed in', schema: authSessionSchema },
    401: { description: 'Wrong email or password (`invalid_credentials`)' },
    422: { description: 'Invalid input' },
    429: rateLimited,
  },
  before: authLimit('login'),
  handler: async ({ input, deps }) => {
    const user = await checkCredentials(deps.db, input.body.email, input.body.password);
    const tokens = await startSession(sessionContext(deps), user);
    return { user: presentUser(user), ...tokens };
  },
});

export const refresh = defineRoute({
  method: 'post',
  path: '/api/auth/refresh',
  access: 'public',
  summary: 'Exchange a refresh token for a new token pair',
  description:
    'Rotates the refresh token: the one presented is revoked and a new pair is returned. Presenting a refresh ' +
    'token that was already used ends its whole session (every token of the family, and its access tokens): ' +
    '401 `refresh_token_reused`. Unknown, expired or revoked tokens and disabled accounts: 401 ' +
    '`invalid_refresh_token`. Limited to 3 × AUTH_RATE_LIMIT_PER_MINUTE requests per client IP and minute ' +
    '(default 30).',
  tags,
  request: { body: refreshBody },
  responses: {
    200: { description: 'A new token pair', schema: tokenPairSchema },
    401: { description: 'Invalid or reused refresh token (`invalid_refresh_token`, `refresh_token_reused`)' },
    422: { description: 'Invalid input' },
    429: rateLimited,
  },
  before: authLimit('refresh'),
  handler: async ({ input, deps }) => {
    return rotateSession(sessionContext(deps), input.body.refreshToken);
  },
});

export const logout = defineRoute({
  method: 'post',
  path: '/api/auth/logout',
  access: 'signed-in',
  summary: 'Sign out of this session',
  description:
    'Authenticated with the access token of the session to end (`Authorization: Bearer …`); takes no body. ' +
    'Ends that session only: its refresh tokens are revoked and its access tokens are refused from now on. The ' +
    "user's other sessions (other devices) stay signed in; changing the password ends them all. A client whose " +
    'access token has expired refreshes first, or simply forgets its tokens.',
  tags,
  status: 204,
  responses: {
    204: { description: 'Signed out' },
    401: { description: 'No valid access token (`invalid_token`)' },
  },
  handler: async ({ deps, actor }) => {
    await endSession(sessionContext(deps), actor.sessionId);
  },
});

export const authRoutes = [register, login, refresh, logout];
