import { data, Form, Link, redirect } from 'react-router';
import { Field } from '~/components/field';
import { GoogleSignIn } from '~/components/google-sign-in';
import { Notice } from '~/components/notice';
import { PasswordField } from '~/components/password-field';
import { registerBody } from '@market/schemas/account';
import { type AuthSession, postJson } from '~/lib/api.server';
import { checkBody } from '~/lib/check-body.server';
import { formErrors } from '~/lib/form-errors';
import { safeNextPath } from '~/lib/next-path';
import { ApiError } from '~/lib/problem';
import { currentUser, NO_STORE, startSession } from '~/lib/session.server';
import { useAuthForm } from '~/lib/use-auth-form';
import type { Route } from './+types/signup';

export const headers = () => NO_STORE;

export function meta() {
  return [
    { title: 'Create an account' },
    { name: 'description', content: 'Create an account to follow your orders in one place.' },
  ];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const next = safeNextPath(new URL(request.url).searchParams.get('next'));
  if (await currentUser(context)) throw redirect(next, { headers: NO_STORE });
  return data({ next }, { headers: NO_STORE });
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const name = String(form.get('name') ?? '').trim();
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  const next = safeNextPath(String(form.get('next') ?? ''));
  try {
    const body = checkBody(registerBody, { name, email, password });
    const session = await postJson<AuthSession>(context, '/api/auth/register', body);
    await startSession(context, session);
  } catch (error) {
    const emailTaken = error instanceof ApiError && error.code === 'email_taken';
    const errors = emailTaken
      ? { message: 'An account with this email already exists.', fields: {} }
      : formErrors(error);
    const status = error instanceof ApiError ? error.status : 500;
    return data({ name, email, next, emailTaken, ...errors }, { status, headers: NO_STORE });
  }
  return redirect(next, { headers: NO_STORE });
}

export default function SignUp({ loaderData, actionData }: Route.ComponentProps) {
  const { next, busy, formRef, withNext } = useAuthForm('/signup', loaderData.next, actionData);

  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <p className="mt-2 text-slate-700">
        Already have one?{' '}
        <Link to={`/signin${withNext}`} className="btn-link">
          Sign in
        </Link>
      </p>
      <div className="card mt-6 space-y-5">
        {actionData ? (
          <Notice tone="error">
            {actionData.message}
            {actionData.emailTaken ? (
              <>
                {' '}
                <Link to={`/signin${withNext}`} className="font-semibold underline">
                  Sign in instead
                </Link>
              </>
            ) : null}
          </Notice>
        ) : null}
        <Form method="post" ref={formRef} className="space-y-4">
          <input type="hidden" name="next" value={next} />
          <Field
            label="Name"
            name="name"
            autoComplete="name"
            required
            maxLength={200}
            defaultValue={actionData?.name ?? ''}
            error={actionData?.fields.name}
          />
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
            autoComplete="new-password"
            required
            minLength={8}
            hint="At least 8 characters. Not your email address, and not a common password."
            error={actionData?.fields.password}
          />
          <button type="submit" className="btn-primary w-full" disabled={busy}>
            {busy ? 'Creating your account…' : 'Create account'}
          </button>
        </Form>
        <GoogleSignIn next={next} label="Sign up with Google" />
      </div>
    </div>
  );
}
