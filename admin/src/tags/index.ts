import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import { TagCreate } from './TagCreate';
import { TagEdit } from './TagEdit';
import { TagList } from './TagList';

export default {
  list: TagList,
  edit: TagEdit,
  create: TagCreate,
  icon: LocalOfferIcon,
  recordRepresentation: 'name',
};
