import WarehouseIcon from '@mui/icons-material/Warehouse';
import { InventoryEdit } from './InventoryEdit';
import { InventoryList } from './InventoryList';

export default {
  list: InventoryList,
  edit: InventoryEdit,
  icon: WarehouseIcon,
  recordRepresentation: 'productTitle',
};
