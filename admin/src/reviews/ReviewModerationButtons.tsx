import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useMarketDataProvider } from '../common/useMarketDataProvider';

/** Approve or reject the review on screen (POST /api/admin/reviews/:id/approve | reject; idempotent). */
export function ReviewModerationButtons() {
  const review = useRecordContext<{ id: number; status: string }>();
  const dataProvider = useMarketDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!review) return null;
  const moderate = async (verb: 'approve' | 'reject') => {
    try {
      await (verb === 'approve'
        ? dataProvider.approveReview(review.id)
        : dataProvider.rejectReview(review.id));
      notify(verb === 'approve' ? 'Review approved' : 'Review rejected', { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'Moderation failed', { type: 'error' });
    }
  };
  return (
    <>
      {review.status !== 'approved' ? (
        <Button label="Approve" onClick={() => void moderate('approve')} />
      ) : null}
      {review.status !== 'rejected' ? (
        <Button label="Reject" color="error" onClick={() => void moderate('reject')} />
      ) : null}
    </>
  );
}
