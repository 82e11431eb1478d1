export { escapeHtml, formatMoney, orderUrl, safeColor, safeUrl } from './format';
export {
  orderCancelled,
  orderConfirmation,
  orderDelivered,
  ORDER_EMAILS,
  orderRefunded,
  orderShipped,
  paymentFailed,
  renderOrderEmail,
} from './templates';
export {
  isOrderEmailTemplate,
  ORDER_EMAIL_TEMPLATES,
  type OrderEmailTemplate,
  type OrderEmailView,
  type RenderedEmail,
  TEMPLATE_SHOWS,
} from './view';
