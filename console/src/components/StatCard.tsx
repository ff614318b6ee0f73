// One dashboard number: the formatted value as text, the raw one in data-value ('' when there is none) for tests and tools.
import { formatDuration } from '../state/duration';

/** A labelled number or duration. */
export function StatCard({
  label,
  testId,
  value,
  duration = false,
  text: custom,
}: {
  label: string;
  testId: string;
  value: number | null;
  duration?: boolean;
  text?: string;
}) {
  const text = custom ?? (duration ? formatDuration(value) : value === null ? '—' : String(value));
  return (
    <div class="stat">
      <span class="stat-label">{label}</span>
      <span class="stat-value" data-testid={testId} data-value={value === null ? '' : String(value)}>
        {text}
      </span>
    </div>
  );
}
