import { updateMeBody } from '@market/schemas/account';
import { useEffect, useRef } from 'react';
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { Field } from '~/components/field';
import { Notice } from '~/components/notice';
import { PasswordField } from '~/components/password-field';
import { type AuthSession, callApi, dropSession, keepSession } from '~/lib/api.server';
import { checkBody } from '~/lib/check-body.server';
import { formErrors } from '~/lib/form-errors';
import { formatDate } from '~/lib/format';
import { ApiError } from '~/lib/problem';
import { NO_STORE, requireUser } from '~/lib/session.server';
import type { Route } from './+types/account';

export const headers = () => NO_STORE;

export function meta() {
  return [{ title: 'Your account' }, { name: 'robots', content: 'noindex' }];
}

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireUser(context, '/account');
  const { name, email, createdAt, hasPassword } = user;
  return data({ user: { name, email, createdAt, hasPassword } }, { headers: NO_STORE });
}

type Intent = 'name' | 'password';

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent: Intent = form.get('intent') === 'password' ? 'password' : 'name';
  const name = String(form.get('name') ?? '').trim();
  try {
    if (intent === 'name') {
      await callApi(context, 'PATCH', '/api/me', { body: checkBody(updateMeBody, { name }) });
      return data({ intent, saved: 'Your name is saved.', name }, { headers: NO_STORE });
    }
    const body = checkBody(updateMeBody, {
      currentPassword: String(form.get('currentPassword') ?? ''),
      newPassword: String(form.get('newPassword') ?? ''),
    });
    // A new password ends every session, this one too: the answer carries this device's new tokens.
    keepSession(context, (await callApi<AuthSession>(context, 'PATCH', '/api/me', { body })).data);
    return data(
      { intent, saved: 'Your password is changed. Other devices were signed out.', name },
      { headers: NO_STORE },
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      dropSession(context);
      throw redirect('/signin?next=%2Faccount', { headers: NO_STORE });
    }
    const status = error instanceof ApiError ? error.status : 500;
    return data({ intent, name, ...formErrors(error) }, { status, headers: NO_STORE });
  }
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { user } = loaderData;
  const navigation = useNavigation();
  const pending = navigation.formData?.get('intent');
  const passwordForm = useRef<HTMLFormElement>(null);
  // Passwords are never shown again after a submission, whether it worked or not.
  useEffect(() => {
    if (actionData?.intent === 'password') passwordForm.current?.reset();
  }, [actionData]);
  const result = (intent: Intent) => (actionData?.intent === intent ? actionData : undefined);
  const nameResult = result('name');
  const passwordResult = result('password');

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Your account</h1>
        <Form method="post" action="/signout">
          <button type="submit" className="btn-secondary">
            Sign out
          </button>
        </Form>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="profile-heading" className="card space-y-4 md:row-span-2 md:self-start">
          <h2 id="profile-heading" className="text-lg font-semibold">
            Profile
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="font-medium text-slate-700">Name</dt>
            <dd className="break-words">{user.name}</dd>
            <dt className="font-medium text-slate-700">Email</dt>
            <dd className="break-all">{user.email}</dd>
            <dt className="font-medium text-slate-700">Member since</dt>
            <dd>{formatDate(user.createdAt)}</dd>
          </dl>
          <Link to="/account/orders" className="btn-primary">
            Your orders
          </Link>
        </section>

        <section aria-labelledby="name-heading" className="card space-y-4">
          <h2 id="name-heading" className="text-lg font-semibold">
            Change your name
          </h2>
          {nameResult && 'saved' in nameResult ? <Notice tone="success">{nameResult.saved}</Notice> : null}
          {nameResult && 'message' in nameResult ? <Notice tone="error">{nameResult.message}</Notice> : null}
          <Form method="post" className="space-y-4">
            <input type="hidden" name="intent" value="name" />
            <Field
              label="Name"
              name="name"
              autoComplete="name"
              required
              maxLength={200}
              defaultValue={nameResult?.name ?? user.name}
              error={nameResult && 'fields' in nameResult ? nameResult.fields.name : undefined}
            />
            <button type="submit" className="btn-primary" disabled={pending === 'name'}>
              {pending === 'name' ? 'Saving…' : 'Save name'}
            </button>
          </Form>
        </section>

        <section aria-labelledby="password-heading" className="card space-y-4">
          <h2 id="password-heading" className="text-lg font-semibold">
            Change your password
          </h2>
          {!user.hasPassword ? (
            <p className="text-sm text-slate-700">
              You sign in with Google, so this account has no password to change.
            </p>
          ) : (
            <>
              {passwordResult && 'saved' in passwordResult ? (
                <Notice tone="success">{passwordResult.saved}</Notice>
              ) : null}
              {passwordResult && 'message' in passwordResult ? (
                <Notice tone="error">{passwordResult.message}</Notice>
              ) : null}
              <Form method="post" ref={passwordForm} className="space-y-4">
                <input type="hidden" name="intent" value="password" />
                {/* Lets password managers file the new password under the right account. */}
                <input type="hidden" name="username" autoComplete="username" value={user.email} />
                <PasswordField
                  label="Current password"
                  name="currentPassword"
                  autoComplete="current-password"
                  required
                  error={
                    passwordResult && 'fields' in passwordResult
                      ? passwordResult.fields.currentPassword
                      : undefined
                  }
                />
                <PasswordField
                  label="New password"
                  name="newPassword"
                  autoComplete="new-password"
                  required
                  minLength={8}
                  hint="At least 8 characters. Not your email address, and not a common password."
                  error={
                    passwordResult && 'fields' in passwordResult
                      ? passwordResult.fields.newPassword
                      : undefined
                  }
                />
                <button type="submit" className="btn-primary" disabled={pending === 'password'}>
                  {pending === 'password' ? 'Changing…' : 'Change password'}
                </button>
              </Form>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
