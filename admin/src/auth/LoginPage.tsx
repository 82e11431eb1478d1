import { Login, LoginForm } from 'react-admin';
import { SignInProviders } from './SignInProviders';

/** react-admin's sign-in page: email and password, then the configured providers (Google). */
export function LoginPage() {
  return (
    <Login>
      <LoginForm />
      <SignInProviders />
    </Login>
  );
}
