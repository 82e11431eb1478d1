import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('c/:slug', 'routes/category.tsx'),
  route('search', 'routes/search.tsx'),
  route('p/:slug', 'routes/product.tsx'),
  route('cart', 'routes/cart.tsx'),
  route('checkout', 'routes/checkout.tsx'),
  route('orders/:id', 'routes/order.tsx'),
  route('orders/:id/pay', 'routes/order-pay.tsx'),
  route('orders/:id/authenticate', 'routes/order-authenticate.tsx'),
  route('orders/:id/invoice', 'routes/order-invoice.ts'),
  route('signin', 'routes/signin.tsx'),
  route('signup', 'routes/signup.tsx'),
  route('signout', 'routes/signout.ts'),
  route('auth/google', 'routes/auth-google.ts'),
  route('auth/callback', 'routes/auth-callback.tsx'),
  route('account', 'routes/account.tsx'),
  route('account/orders', 'routes/account-orders.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
