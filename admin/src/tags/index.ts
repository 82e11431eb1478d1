import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import { lazyScreen } from '../common/lazyScreen';

export default {
  list: lazyScreen(() => import('./TagList'), 'TagList'),
  edit: lazyScreen(() => import('./TagEdit'), 'TagEdit'),
  create: lazyScreen(() => import('./TagCreate'), 'TagCreate'),
  icon: LocalOfferIcon,
  recordRepresentation: 'name',
};
