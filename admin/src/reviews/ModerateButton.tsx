import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { useState } from 'react';
import { Button, useListContext, useNotify, useRefresh, useUnselect } from 'react-admin';
import { settleEach } from '../common/settleEach';
import { useMarketDataProvider } from '../common/useMarketDataProvider';
import { moderationNotice, type Verb } from './moderation';

/**
 * Approves or rejects the selected reviews. The API moderates one review per request (each recomputes its
 * product's rating), so this sends one each, four at a time, and counts what went through; the ones that failed
 * stay selected for another try.
 */
export function ModerateButton({ verb }: { verb: Verb }) {
  const { selectedIds } = useListContext();
  const dataProvider = useMarketDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselect = useUnselect('reviews');
  const [busy, setBusy] = useState(false);
  const moderate = async () => {
    setBusy(true);
    try {
      const outcome = await settleEach(selectedIds.map(Number), (id) =>
        verb === 'approve' ? dataProvider.approveReview(id) : dataProvider.rejectReview(id),
      );
      const { message, type } = moderationNotice(verb, outcome);
      notify(message, { type });
      unselect(outcome.succeeded);
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const label = verb === 'approve' ? 'Approve' : 'Reject';
  return (
    <Button
      label={label}
      aria-label={`${label} the selected reviews`}
      color={verb === 'approve' ? 'primary' : 'error'}
      disabled={busy}
      onClick={() => void moderate()}
    >
      {verb === 'approve' ? <CheckIcon /> : <CloseIcon />}
    </Button>
  );
}
