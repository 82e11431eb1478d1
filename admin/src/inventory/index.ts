import WarehouseIcon from '@mui/icons-material/Warehouse';
import { lazyScreen } from '../common/lazyScreen';

export default {
  list: lazyScreen(() => import('./InventoryList'), 'InventoryList'),
  edit: lazyScreen(() => import('./InventoryEdit'), 'InventoryEdit'),
  icon: WarehouseIcon,
  recordRepresentation: 'productTitle',
};
