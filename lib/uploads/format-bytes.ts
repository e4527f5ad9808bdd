const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'];

/** "2 GiB", "12.4 MiB", "900 bytes": binary units, because limits are configured in bytes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value >= 100 ? value.toFixed(0) : value.toFixed(1);
  return `${rounded.replace(/\.0$/, '')} ${UNITS[unit]}`;
}
