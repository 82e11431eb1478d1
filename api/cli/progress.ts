/** A one-line progress bar on stderr (a plain line per 10 % when stderr is not a terminal, e.g. in CI). */
export function progressBar(label: string): (done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  return (done, total) => {
    const ratio = total === 0 ? 1 : done / total;
    if (tty) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done >= total ? '\n' : ''}`,
      );
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      process.stderr.write(`${label} ${done}/${total} (${Math.round(ratio * 100)}%)\n`);
    }
  };
}
