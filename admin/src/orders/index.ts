import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import type { AdminOrder } from '../data/types';
import { lazyScreen } from '../common/lazyScreen';

// Orders are read and acted on, never edited as a form: every change is an action on the order's workflow.
export default {
  list: lazyScreen(() => import('./OrderList'), 'OrderList'),
  show: lazyScreen(() => import('./OrderShow'), 'OrderShow'),
  icon: ShoppingCartIcon,
  recordRepresentation: (order: AdminOrder) => order.number,
};
