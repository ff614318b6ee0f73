// Filters above the inbox list. Selects and dates apply at once; typed text (search, tag) waits for a
// 300 ms pause so every keystroke does not refetch.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Agent, Department, Priority } from '../../../protocol';
import { hasFilters, noFilters, type InboxFilters } from '../state/filters';
import { strings } from '../strings';

const DEBOUNCE_MS = 300;
const statuses = ['waiting', 'active', 'resolved', 'closed'] as const;
const priorities: Priority[] = ['urgent', 'high', 'normal', 'low'];

/** Props of FilterBar. */
export type FilterBarProps = {
  filters: InboxFilters;
  onChange: (filters: InboxFilters) => void;
  agents: Agent[];
  departments: Department[];
};

/** The filter controls. */
export function FilterBar({ filters, onChange, agents, departments }: FilterBarProps) {
  const [q, setQ] = useState(filters.q);
  const [tag, setTag] = useState(filters.tag);
  const latest = useRef(filters);
  latest.current = filters;
  const set = (changes: Partial<InboxFilters>) => onChange({ ...latest.current, ...changes });

  useEffect(() => {
    if (q === latest.current.q && tag === latest.current.tag) return;
    const timer = setTimeout(() => set({ q, tag }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, tag]);

  function clear() {
    setQ('');
    setTag('');
    onChange(noFilters);
  }

  return (
    <div class="filters">
      <input
        class="input input-small filters-search"
        type="search"
        value={q}
        placeholder={strings.search}
        aria-label={strings.search}
        maxLength={200}
        onInput={(e) => setQ(e.currentTarget.value)}
        data-testid="search"
      />
      <div class="filters-grid">
        <select
          class="select select-small"
          value={filters.status}
          aria-label={strings.filterStatus}
          data-testid="filter-status"
          onChange={(e) => set({ status: e.currentTarget.value as InboxFilters['status'] })}
        >
          <option value="">{strings.allStatuses}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {strings.statusLabels[s]}
            </option>
          ))}
        </select>
        <select
          class="select select-small"
          value={filters.assignee}
          aria-label={strings.filterAssignee}
          data-testid="filter-assignee"
          onChange={(e) => set({ assignee: e.currentTarget.value })}
        >
          <option value="all">{strings.everyone}</option>
          <option value="me">{strings.mine}</option>
          <option value="unassigned">{strings.unassigned}</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <select
          class="select select-small"
          value={filters.department}
          aria-label={strings.department}
          data-testid="filter-department"
          onChange={(e) => set({ department: e.currentTarget.value })}
        >
          <option value="">{strings.allDepartments}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <select
          class="select select-small"
          value={filters.priority}
          aria-label={strings.priority}
          data-testid="filter-priority"
          onChange={(e) => set({ priority: e.currentTarget.value as InboxFilters['priority'] })}
        >
          <option value="">{strings.allPriorities}</option>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {strings.priorityLabels[p]}
            </option>
          ))}
        </select>
        <input
          class="input input-small"
          value={tag}
          placeholder={strings.filterTag}
          aria-label={strings.filterTag}
          maxLength={40}
          onInput={(e) => setTag(e.currentTarget.value)}
          data-testid="filter-tag"
        />
        <div class="filters-dates">
          <input
            class="input input-small"
            type="date"
            value={filters.from}
            aria-label={strings.filterFrom}
            title={strings.filterFrom}
            max={filters.to || undefined}
            onChange={(e) => set({ from: e.currentTarget.value })}
            data-testid="filter-from"
          />
          <input
            class="input input-small"
            type="date"
            value={filters.to}
            aria-label={strings.filterTo}
            title={strings.filterTo}
            min={filters.from || undefined}
            onChange={(e) => set({ to: e.currentTarget.value })}
            data-testid="filter-to"
          />
        </div>
      </div>
      {hasFilters(filters) && (
        <button type="button" class="link-button filters-clear" onClick={clear} data-testid="clear-filters">
          {strings.clearFilters}
        </button>
      )}
    </div>
  );
}
