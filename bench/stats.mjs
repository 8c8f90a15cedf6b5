// Small helpers for the benchmark's figures and tables.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

// The nearest-rank 95th percentile.
export const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
};

export const ms = (x) => (x === undefined || Number.isNaN(x) ? 'n/a' : `${x.toFixed(1)} ms`);
export const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
export const bytes = (n) => n.toLocaleString('en');
export const mebibytes = (n) => (n === undefined ? 'n/a' : `${(n / 1024 / 1024).toFixed(1)} MiB`);

export function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}
