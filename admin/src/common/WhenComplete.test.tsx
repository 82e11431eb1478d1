import { cleanup, render, screen } from '@testing-library/react';
import { type RaRecord, RecordContextProvider } from 'react-admin';
import { afterEach, describe, expect, test } from 'vitest';
import { WhenComplete } from './WhenComplete';

afterEach(cleanup);

const hasItems = (record: RaRecord) => Array.isArray(record.items);

const renderWith = (record: Record<string, unknown> & { id: number }) =>
  render(
    <RecordContextProvider value={record}>
      <WhenComplete isComplete={hasItems}>
        <p>Lines</p>
      </WhenComplete>
    </RecordContextProvider>,
  );

describe('WhenComplete', () => {
  test('a list row (no lines yet) shows progress, not the sections', () => {
    renderWith({ id: 1, number: 'M-1' });
    expect(screen.getByRole('progressbar', { name: 'Loading details' })).toBeTruthy();
    expect(screen.queryByText('Lines')).toBeNull();
  });

  test('the full record shows the sections', () => {
    renderWith({ id: 1, number: 'M-1', items: [] });
    expect(screen.getByText('Lines')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
