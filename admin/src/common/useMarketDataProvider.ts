import { useDataProvider } from 'react-admin';
import type { MarketDataProvider } from '../data/dataProvider';

/** The data provider with market's actions (ship, refund, adjust stock, moderate reviews…). */
export const useMarketDataProvider = () => useDataProvider<MarketDataProvider>();
