export { seedDemoCatalog, type SeedDemoCatalogOptions, type SeedDemoCatalogResult } from './demo-catalog';
export { ensureStaffAccount, type StaffAccount } from './staff';
