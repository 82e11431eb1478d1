import type { Request } from 'express';
import type { Profile } from 'passport';
import type { Strategy } from 'passport-strategy';

export type StrategyOutcome =
  | { kind: 'redirect'; url: string }
  | { kind: 'success'; profile: Profile }
  | { kind: 'fail'; info: unknown }
  | { kind: 'error'; error: unknown };

/**
 * Runs one passport strategy on a request and reports what it decided, instead of letting it write the response.
 * This is what `passport.authenticate()` does inside (it augments a copy of the strategy with success, fail,
 * redirect, pass and error), minus sessions, flash messages and req.user: the OAuth routes answer every outcome
 * with a redirect of their own, and the signed-in "user" here is a provider profile, not an Actor.
 */
export function runStrategy(strategy: Strategy, req: Request, options: object): Promise<StrategyOutcome> {
  return new Promise((resolve) => {
    const attempt = Object.create(strategy) as Strategy;
    attempt.redirect = (url: string) => resolve({ kind: 'redirect', url });
    attempt.success = (user: unknown) => resolve({ kind: 'success', profile: user as Profile });
    attempt.fail = (info: unknown) => resolve({ kind: 'fail', info });
    attempt.error = (error: unknown) => resolve({ kind: 'error', error });
    attempt.pass = () => resolve({ kind: 'error', error: new Error('The strategy passed the request on') });
    try {
      attempt.authenticate(req, options);
    } catch (error) {
      resolve({ kind: 'error', error });
    }
  });
}
