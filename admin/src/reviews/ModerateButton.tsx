import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { useState } from 'react';
import { Button, useListContext, useNotify, useRefresh, useUnselectAll } from 'react-admin';
import { useMarketDataProvider } from '../common/useMarketDataProvider';

/** Approves or rejects the selected reviews (one request each; each recomputes its product's rating). */
export function ModerateButton({ verb }: { verb: 'approve' | 'reject' }) {
  const { selectedIds } = useListContext();
  const dataProvider = useMarketDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('reviews');
  const [busy, setBusy] = useState(false);
  const moderate = async () => {
    setBusy(true);
    const ids = selectedIds.map(Number);
    try {
      await (verb === 'approve' ? dataProvider.approveReviews(ids) : dataProvider.rejectReviews(ids));
      notify(`${ids.length} review(s) ${verb === 'approve' ? 'approved' : 'rejected'}`, { type: 'success' });
      unselectAll();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'Moderation failed', { type: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <Button
      label={verb === 'approve' ? 'Approve' : 'Reject'}
      color={verb === 'approve' ? 'primary' : 'error'}
      disabled={busy}
      onClick={() => void moderate()}
    >
      {verb === 'approve' ? <CheckIcon /> : <CloseIcon />}
    </Button>
  );
}
