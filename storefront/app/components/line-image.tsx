/** A cart or order line's small product picture (decorative: the title next to it names the product). */
export function LineImage({ url }: { url: string | null }) {
  return (
    <div className="h-20 w-20 shrink-0 overflow-hidden rounded-md bg-slate-100">
      {url ? (
        <img src={url} alt="" width={80} height={80} loading="lazy" className="h-full w-full object-cover" />
      ) : null}
    </div>
  );
}
