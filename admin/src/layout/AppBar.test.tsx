import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { AdminContext, testDataProvider, TestMemoryRouter, useGetList } from 'react-admin';
import { i18nProvider } from '../i18n';
import { AppBar } from './AppBar';

afterEach(cleanup);

function Pending() {
  useGetList('orders'); // never answers: the app bar shows its spinner
  return null;
}

test('the spinner shown while a request runs has an accessible name', async () => {
  const dataProvider = testDataProvider({ getList: () => new Promise(() => undefined) });
  render(
    <TestMemoryRouter>
      <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
        <AppBar />
        <Pending />
      </AdminContext>
    </TestMemoryRouter>,
  );
  expect(await screen.findByRole('progressbar', { name: 'Loading' }, { timeout: 5_000 })).toBeTruthy();
});
