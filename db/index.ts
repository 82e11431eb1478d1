export { createDatabase, type Database, type DatabaseOptions } from './database';
export { createMigrator, type MigrationLogger, type Migrator } from './migrator';
export { initModels, type Models } from './models';
export { hashPassword, verifyPassword } from './password';
export {
  ensureStaffAccount,
  seedDemoCatalog,
  type SeedDemoCatalogOptions,
  type SeedDemoCatalogResult,
  type StaffAccount,
} from './seeds';
export { createSqliteDriver, type SqliteDriverOptions } from './sqlite-driver';

export { Address, type AddressSnapshot } from './models/address';
export { Cart } from './models/cart';
export { CartItem } from './models/cart-item';
export { Category } from './models/category';
export { EmailLog, EMAIL_STATUSES, type EmailStatus } from './models/email-log';
export { Inventory } from './models/inventory';
export { Invoice } from './models/invoice';
export { Order, ORDER_STATUSES, type OrderStatus } from './models/order';
export { OrderEvent } from './models/order-event';
export { OrderItem } from './models/order-item';
export { Payment, PAYMENT_STATUSES, type PaymentStatus } from './models/payment';
export { Product, PRODUCT_STATUSES, type ProductStatus } from './models/product';
export { ProductImage } from './models/product-image';
export { ProductTag } from './models/product-tag';
export { RefreshToken } from './models/refresh-token';
export { Refund, REFUND_STATUSES, type RefundStatus } from './models/refund';
export { Review, REVIEW_STATUSES, type ReviewStatus } from './models/review';
export { Shipment, SHIPMENT_STATUSES, type ShipmentStatus } from './models/shipment';
export { STOCK_MOVEMENT_REASONS, StockMovement, type StockMovementReason } from './models/stock-movement';
export { RESERVATION_STATUSES, type ReservationStatus, StockReservation } from './models/stock-reservation';
export { TestPayment } from './models/test-payment';
export { TestRefund } from './models/test-refund';
export { Tag } from './models/tag';
export { User, USER_ROLES, type UserRole } from './models/user';
export { UserIdentity } from './models/user-identity';
export { WebhookEvent } from './models/webhook-event';
