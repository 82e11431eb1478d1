import type { Sequelize } from 'sequelize';
import { initAddress } from './address';
import { initCart } from './cart';
import { initCartItem } from './cart-item';
import { initCategory } from './category';
import { initEmailLog } from './email-log';
import { initInventory } from './inventory';
import { initInvoice } from './invoice';
import { initOrder } from './order';
import { initOrderEvent } from './order-event';
import { initOrderItem } from './order-item';
import { initPayment } from './payment';
import { initProduct } from './product';
import { initProductImage } from './product-image';
import { initProductTag } from './product-tag';
import { initRefreshToken } from './refresh-token';
import { initRefund } from './refund';
import { initReview } from './review';
import { initShipment } from './shipment';
import { initStockMovement } from './stock-movement';
import { initStockReservation } from './stock-reservation';
import { initTag } from './tag';
import { initUser } from './user';
import { initTestPayment } from './test-payment';
import { initTestRefund } from './test-refund';
import { initUserIdentity } from './user-identity';
import { initWebhookEvent } from './webhook-event';

export type Models = ReturnType<typeof initModels>;

/** Defines every model on `sequelize` and wires the associations. Foreign keys themselves live in migrations. */
export function initModels(sequelize: Sequelize) {
  const models = {
    User: initUser(sequelize),
    RefreshToken: initRefreshToken(sequelize),
    UserIdentity: initUserIdentity(sequelize),
    Address: initAddress(sequelize),
    Category: initCategory(sequelize),
    Tag: initTag(sequelize),
    Product: initProduct(sequelize),
    ProductImage: initProductImage(sequelize),
    ProductTag: initProductTag(sequelize),
    Inventory: initInventory(sequelize),
    StockMovement: initStockMovement(sequelize),
    StockReservation: initStockReservation(sequelize),
    Cart: initCart(sequelize),
    CartItem: initCartItem(sequelize),
    Order: initOrder(sequelize),
    OrderItem: initOrderItem(sequelize),
    Payment: initPayment(sequelize),
    Shipment: initShipment(sequelize),
    OrderEvent: initOrderEvent(sequelize),
    Review: initReview(sequelize),
    EmailLog: initEmailLog(sequelize),
    WebhookEvent: initWebhookEvent(sequelize),
    TestPayment: initTestPayment(sequelize),
    TestRefund: initTestRefund(sequelize),
    Invoice: initInvoice(sequelize),
    Refund: initRefund(sequelize),
  };
  const { User, RefreshToken, Address, Category, Tag, Product, ProductImage, ProductTag, Inventory } = models;
  const { StockMovement, StockReservation, Cart, CartItem, Order, OrderItem, Payment, Shipment } = models;
  const { OrderEvent, Review, EmailLog, UserIdentity, Invoice, Refund } = models;

  User.hasMany(RefreshToken, { as: 'refreshTokens', foreignKey: 'userId' });
  RefreshToken.belongsTo(User, { as: 'user', foreignKey: 'userId' });
  User.hasMany(UserIdentity, { as: 'identities', foreignKey: 'userId' });
  UserIdentity.belongsTo(User, { as: 'user', foreignKey: 'userId' });
  User.hasMany(Address, { as: 'addresses', foreignKey: 'userId' });
  Address.belongsTo(User, { as: 'user', foreignKey: 'userId' });

  Category.belongsTo(Category, { as: 'parent', foreignKey: 'parentId' });
  Category.hasMany(Category, { as: 'children', foreignKey: 'parentId' });
  Category.hasMany(Product, { as: 'products', foreignKey: 'categoryId' });
  Product.belongsTo(Category, { as: 'category', foreignKey: 'categoryId' });
  Product.hasMany(ProductImage, { as: 'images', foreignKey: 'productId' });
  ProductImage.belongsTo(Product, { as: 'product', foreignKey: 'productId' });
  Product.belongsToMany(Tag, { as: 'tags', through: ProductTag, foreignKey: 'productId', otherKey: 'tagId' });
  Tag.belongsToMany(Product, {
    as: 'products',
    through: ProductTag,
    foreignKey: 'tagId',
    otherKey: 'productId',
  });

  Product.hasOne(Inventory, { as: 'inventory', foreignKey: 'productId' });
  Inventory.belongsTo(Product, { as: 'product', foreignKey: 'productId' });
  Product.hasMany(StockMovement, { as: 'stockMovements', foreignKey: 'productId' });
  StockMovement.belongsTo(Product, { as: 'product', foreignKey: 'productId' });
  StockMovement.belongsTo(User, { as: 'actor', foreignKey: 'actorUserId' });
  StockReservation.belongsTo(Product, { as: 'product', foreignKey: 'productId' });
  StockReservation.belongsTo(Order, { as: 'order', foreignKey: 'orderId' });
  Order.hasMany(StockReservation, { as: 'reservations', foreignKey: 'orderId' });

  User.hasOne(Cart, { as: 'cart', foreignKey: 'userId' });
  Cart.belongsTo(User, { as: 'user', foreignKey: 'userId' });
  Cart.hasMany(CartItem, { as: 'items', foreignKey: 'cartId' });
  CartItem.belongsTo(Cart, { as: 'cart', foreignKey: 'cartId' });
  CartItem.belongsTo(Product, { as: 'product', foreignKey: 'productId' });

  User.hasMany(Order, { as: 'orders', foreignKey: 'userId' });
  Order.belongsTo(User, { as: 'user', foreignKey: 'userId' });
  Order.hasMany(OrderItem, { as: 'items', foreignKey: 'orderId' });
  OrderItem.belongsTo(Order, { as: 'order', foreignKey: 'orderId' });
  OrderItem.belongsTo(Product, { as: 'product', foreignKey: 'productId' });
  Order.hasMany(Payment, { as: 'payments', foreignKey: 'orderId' });
  Payment.belongsTo(Order, { as: 'order', foreignKey: 'orderId' });
  Order.hasMany(Shipment, { as: 'shipments', foreignKey: 'orderId' });
  Shipment.belongsTo(Order, { as: 'order', foreignKey: 'orderId' });
  Order.hasMany(OrderEvent, { as: 'events', foreignKey: 'orderId' });
  OrderEvent.belongsTo(Order, { as: 'order', foreignKey: 'orderId' });

  Product.hasMany(Review, { as: 'reviews', foreignKey: 'productId' });
  Review.belongsTo(Product, { as: 'product', foreignKey: 'productId' });
  Review.belongsTo(User, { as: 'user', foreignKey: 'userId' });
  User.hasMany(Review, { as: 'reviews', foreignKey: 'userId' });
  EmailLog.belongsTo(Order, { as: 'order', foreignKey: 'orderId' });
  Order.hasMany(EmailLog, { as: 'emails', foreignKey: 'orderId' });
  Order.hasOne(Invoice, { as: 'invoice', foreignKey: 'orderId' });
  Invoice.belongsTo(Order, { as: 'order', foreignKey: 'orderId' });
  Order.hasMany(Refund, { as: 'refunds', foreignKey: 'orderId' });
  Refund.belongsTo(Order, { as: 'order', foreignKey: 'orderId' });
  Refund.belongsTo(Payment, { as: 'payment', foreignKey: 'paymentId' });

  return models;
}
