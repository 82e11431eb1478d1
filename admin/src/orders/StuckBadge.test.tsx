import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { RecordContextProvider } from 'react-admin';
import type { AdminOrder } from '../data/types';
import { adminOrder } from '../testing/orders';
import { StuckBadge } from './StuckBadge';
import { StuckHelp } from './StuckHelp';

afterEach(cleanup);

const renderStuck = (order: AdminOrder) =>
  render(
    <RecordContextProvider value={order}>
      <StuckBadge />
      <StuckHelp />
    </RecordContextProvider>,
  );

describe('StuckBadge and StuckHelp', () => {
  test.each(['capture', 'invoice'] as const)(
    'a %s that ran out of retries: the badge and what to do',
    (step) => {
      renderStuck(adminOrder({ process: { phase: 'processing', stuck: step } }));
      const badge = screen.getByText(`Stuck: ${step}`);
      const help = screen.getByRole('alert');
      expect(help.textContent).toContain(`The ${step} step ran out of retries`);
      expect(help.textContent).toContain(`Retry ${step}`);
      expect(help.textContent).toContain('docs/support.md');
      expect(badge.closest('[aria-describedby]')?.getAttribute('aria-describedby')).toBe(help.id);
    },
  );

  test.each([
    ['nothing stuck', { phase: 'processing', stuck: null }],
    ['the run has finished', null],
  ] as const)('%s: neither', (_, process) => {
    renderStuck(adminOrder({ process }));
    expect(screen.queryByText(/Stuck/)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
