import { Link } from 'react-router';

export function SiteFooter({ shopName }: { shopName: string }) {
  return (
    <footer className="mt-12 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-6 text-sm text-slate-700">
        <p>© {shopName}. Every order is a durable workflow: nothing is lost, nothing is charged twice.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link to="/account/orders" className="hover:underline">
            Your orders
          </Link>
          <Link to="/search" className="hover:underline">
            All products
          </Link>
        </nav>
      </div>
    </footer>
  );
}
