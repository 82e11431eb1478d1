import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  AdminContext,
  ListContextProvider,
  ResourceContextProvider,
  type RowClickFunction,
  TestMemoryRouter,
  TextField,
  testDataProvider,
  useList,
} from 'react-admin';
import { i18nProvider } from '../i18n';
import { KeyboardDatagrid } from './KeyboardDatagrid';

afterEach(cleanup);

const tags = [
  { id: 1, name: 'Mugs' },
  { id: 2, name: 'Plates' },
];

function Tags({ rowClick, bulk = false }: { rowClick: RowClickFunction | false; bulk?: boolean }) {
  const list = useList({ data: tags, resource: 'tags' });
  return (
    <ListContextProvider value={list}>
      <KeyboardDatagrid rowClick={rowClick} bulkActionButtons={bulk ? undefined : false}>
        <TextField source="name" />
      </KeyboardDatagrid>
    </ListContextProvider>
  );
}

function renderTags(props: { rowClick: RowClickFunction | false; bulk?: boolean }) {
  return render(
    <TestMemoryRouter>
      <AdminContext dataProvider={testDataProvider()} i18nProvider={i18nProvider}>
        <ResourceContextProvider value="tags">
          <Tags {...props} />
        </ResourceContextProvider>
      </AdminContext>
    </TestMemoryRouter>,
  );
}

const rowOf = (text: string) => screen.getByText(text).closest('tr')!;

describe('KeyboardDatagrid', () => {
  test('rows are in the tab order and open with Enter or Space, as a click would', async () => {
    const opened = vi.fn<RowClickFunction>(() => false);
    renderTags({ rowClick: opened });
    const row = rowOf('Plates');
    expect(row.tabIndex).toBe(0);
    row.focus();
    fireEvent.keyDown(row, { key: 'Enter' });
    await vi.waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    expect(opened.mock.calls[0]![0]).toBe(2);
    const space = fireEvent.keyDown(rowOf('Mugs'), { key: ' ' });
    expect(space).toBe(false); // default prevented: the page does not scroll
    await vi.waitFor(() => expect(opened).toHaveBeenCalledTimes(2));
    expect(opened.mock.calls[1]![0]).toBe(1);
  });

  test('other keys, and keys pressed on a control inside the row, are left alone', async () => {
    const opened = vi.fn<RowClickFunction>(() => false);
    renderTags({ rowClick: opened, bulk: true });
    fireEvent.keyDown(rowOf('Mugs'), { key: 'a' });
    const checkbox = within(rowOf('Mugs')).getByRole('checkbox');
    fireEvent.keyDown(checkbox, { key: 'Enter' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(opened).not.toHaveBeenCalled();
  });

  test('selection checkboxes are named after their record', async () => {
    renderTags({ rowClick: vi.fn<RowClickFunction>(() => false), bulk: true });
    expect(await screen.findByRole('checkbox', { name: 'Select Mugs' })).toBeDefined();
    expect(screen.getByRole('checkbox', { name: 'Select Plates' })).toBeDefined();
    expect(screen.getByRole('checkbox', { name: 'Select all' })).toBeDefined();
    // The bulk toolbar's controls have names too (shown once something is selected, but always in the DOM).
    expect(screen.getByRole('button', { name: 'Unselect', hidden: true })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Delete', hidden: true })).toBeDefined();
  });

  test('rows that open nothing stay out of the tab order', () => {
    renderTags({ rowClick: false });
    expect(rowOf('Mugs').hasAttribute('tabindex')).toBe(false);
  });
});
