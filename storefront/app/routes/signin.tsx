import { loginBody } from '@market/schemas/account';
import { data, Form, Link, redirect } from 'react-router';
import { Field } from '~/components/field';
import { GoogleSignIn } from '~/components/google-sign-in';
import { Notice } from '~/components/notice';
import { PasswordField } from '~/components/password-field';
import { type AuthSession, postJson } from '~/lib/api.server';
import { checkBody } from '~/lib/check-body.server';
import { formErrors, type FormErrors } from '~/lib/form-errors';
import { safeNextPath } from '~/lib/next-path';
import { ApiError } from '~/lib/problem';
import { currentUser, NO_STORE, startSession } from '~/lib/session.server';
import { useAuthForm } from '~/lib/use-auth-form';
import type { Route } from './+types/signin';

export const headers = () => NO_STORE;

export function meta() {
  return [{ title: 'Sign in' }, { name: 'description', content: 'Sign in to see your orders and account.' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const next = safeNextPath(new URL(request.url).searchParams.get('next'));
  if (await currentUser(context)) throw redirect(next, { headers: NO_STORE });
  return data({ next }, { headers: NO_STORE });
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  const next = safeNextPath(String(form.get('next') ?? ''));
  try {
    const body = checkBody(loginBody, { email, password });
    await startSession(context, await postJson<AuthSession>(context, '/api/auth/login', body));
  } catch (error) {
    // The API answers every kind of wrong credential alike (unknown email, wrong password, disabled account).
    const errors: FormErrors =
      error instanceof ApiError && error.status === 401
        ? { message: 'Email or password is wrong. Please try again.', fields: {} }
        : formErrors(error, { 'password:too_small': 'Enter your password.' });
    const status = error instanceof ApiError ? error.status : 500;
    return data({ email, next, ...errors }, { status, headers: NO_STORE });
  }
  return redirect(next, { headers: NO_STORE });
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { next, busy, formRef, withNext } = useAuthForm('/signin', loaderData.next, actionData);

  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <p className="mt-2 text-slate-700">
        New here?{' '}
        <Link to={`/signup${withNext}`} className="btn-link">
          Create an account
        </Link>
      </p>
      <div className="card mt-6 space-y-5">
        {actionData ? <Notice tone="error">{actionData.message}</Notice> : null}
        <Form method="post" ref={formRef} className="space-y-4">
          <input type="hidden" name="next" value={next} />
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            maxLength={255}
            defaultValue={actionData?.email ?? ''}
            error={actionData?.fields.email}
          />
          <PasswordField
            label="Password"
            name="password"
            autoComplete="current-password"
            required
            error={actionData?.fields.password}
          />
          <button type="submit" className="btn-primary w-full" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </Form>
        <GoogleSignIn next={next} />
      </div>
    </div>
  );
}
