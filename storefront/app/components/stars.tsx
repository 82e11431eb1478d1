export function Stars({ average, count }: { average: number; count: number }) {
  if (count === 0) return <span className="text-xs text-slate-600">No reviews yet</span>;
  const full = Math.round(average);
  return (
    <span className="text-xs text-slate-700" title={`${average.toFixed(1)} out of 5`}>
      <span aria-hidden="true" className="text-amber-600">
        {'★'.repeat(full)}
        {'☆'.repeat(5 - full)}
      </span>
      <span className="sr-only">{`Rated ${average.toFixed(1)} out of 5,`}</span> ({count})
    </span>
  );
}
