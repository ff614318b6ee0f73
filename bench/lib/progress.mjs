// One updating status line on a terminal; plain lines (at most one every 5 s) when piped to a file or CI log.
const tty = process.stderr.isTTY;
let last = 0;
let shown = false;
const started = Date.now();

const elapsed = () => {
  const s = Math.round((Date.now() - started) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Replace the status line (rate-limited to plain lines when not a TTY, unless `force`). */
export function status(text, force = false) {
  const line = `[${elapsed()}] ${text}`;
  if (tty) {
    process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns || 120) - 1)}`);
    shown = true;
  } else if (force || Date.now() - last >= 5000) {
    process.stderr.write(`${line}\n`);
    last = Date.now();
  }
}

/** A line that stays (a step's result), printed above the status line. */
export function log(text) {
  if (tty && shown) process.stderr.write('\r\x1b[K');
  shown = false;
  process.stderr.write(`[${elapsed()}] ${text}\n`);
}

/** Clear the status line before the final table. */
export function done() {
  if (tty && shown) process.stderr.write('\r\x1b[K');
  shown = false;
}
