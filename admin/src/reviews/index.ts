import RateReviewIcon from '@mui/icons-material/RateReview';
import { lazyScreen } from '../common/lazyScreen';

export default {
  list: lazyScreen(() => import('./ReviewList'), 'ReviewList'),
  show: lazyScreen(() => import('./ReviewShow'), 'ReviewShow'),
  icon: RateReviewIcon,
  recordRepresentation: (review: { id: number; rating: number }) => `#${review.id} (${review.rating}★)`,
};
