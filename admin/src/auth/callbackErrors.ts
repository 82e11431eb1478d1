/** What the API's callback `?error=` codes (api/routes/oauth) mean to a staff member. */
const MESSAGES: Record<string, string> = {
  access_denied: 'Google sign-in was cancelled.',
  account_disabled: 'This account is disabled.',
  email_not_verified: 'Google has not verified this email address, so it cannot sign you in.',
  invalid_state: 'That sign-in took too long or was started in another window: try again.',
};

export const callbackErrorMessage = (code: string) =>
  MESSAGES[code] ?? 'Google sign-in failed: try again, or sign in with your password.';
