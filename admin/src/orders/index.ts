import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import type { AdminOrder } from '../data/types';
import { OrderList } from './OrderList';
import { OrderShow } from './OrderShow';

// Orders are read and acted on, never edited as a form: every change is an action on the order's workflow.
export default {
  list: OrderList,
  show: OrderShow,
  icon: ShoppingCartIcon,
  recordRepresentation: (order: AdminOrder) => order.number,
};
