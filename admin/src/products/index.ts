import InventoryIcon from '@mui/icons-material/Inventory2';
import { lazyScreen } from '../common/lazyScreen';

export default {
  list: lazyScreen(() => import('./ProductList'), 'ProductList'),
  edit: lazyScreen(() => import('./ProductEdit'), 'ProductEdit'),
  create: lazyScreen(() => import('./ProductCreate'), 'ProductCreate'),
  icon: InventoryIcon,
  recordRepresentation: 'title',
};
