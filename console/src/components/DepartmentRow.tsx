// One department: rename in place, toggle auto-assign, make default, delete (after a confirm).
import { useState } from 'preact/hooks';
import type { Department } from '../../../protocol';
import type { ApiError } from '../api';
import { teamApi, type DepartmentChanges } from '../api-team';
import { adminStrings as t } from '../strings-admin';

/** Props of DepartmentRow; onChanged reloads the team, since a default switch or a delete touches other rows and agents. */
export type DepartmentRowProps = { department: Department; editable: boolean; onChanged: () => Promise<void> };

/** A department line. */
export function DepartmentRow({ department, editable, onChanged }: DepartmentRowProps) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(department.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(request: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await request();
      setRenaming(false);
      await onChanged();
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }
  const update = (changes: DepartmentChanges) => run(() => teamApi.updateDepartment(department.id, changes));
  function remove() {
    if (confirm(t.confirmDelete(department.name))) void run(() => teamApi.deleteDepartment(department.id));
  }

  return (
    <li
      class="department"
      data-testid="department-row"
      data-id={department.id}
      data-default={String(department.isDefault)}
    >
      <div class="department-main">
        {renaming ? (
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) void update({ name: name.trim() });
            }}
          >
            <input
              class="input input-small"
              value={name}
              maxLength={100}
              required
              aria-label={t.rename}
              data-testid="department-rename-input"
              onInput={(e) => setName(e.currentTarget.value)}
            />
            <button
              type="submit"
              class="button button-primary button-small"
              disabled={busy}
              data-testid="department-rename-save"
            >
              {t.save}
            </button>
            <button
              type="button"
              class="button button-ghost button-small"
              onClick={() => {
                setRenaming(false);
                setName(department.name);
              }}
            >
              {t.cancel}
            </button>
          </form>
        ) : (
          <span class="department-name" data-testid="department-label">
            {department.name}
          </span>
        )}
        {department.isDefault && <span class="badge badge-accent">{t.defaultBadge}</span>}
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={department.autoAssign}
          disabled={!editable || busy}
          data-testid="department-row-autoassign"
          onChange={(e) => void update({ autoAssign: e.currentTarget.checked })}
        />
        {t.autoAssign}
      </label>
      {editable && !renaming && (
        <div class="department-actions">
          <button
            type="button"
            class="button button-ghost button-small"
            disabled={busy}
            onClick={() => setRenaming(true)}
            data-testid="department-rename"
          >
            {t.rename}
          </button>
          {!department.isDefault && (
            <button
              type="button"
              class="button button-ghost button-small"
              disabled={busy}
              onClick={() => void update({ isDefault: true })}
              data-testid="department-make-default"
            >
              {t.makeDefault}
            </button>
          )}
          {/* Shown for the default too: the server's refusal (409 default_department) explains why better than a missing button. */}
          <button
            type="button"
            class="button button-ghost button-small button-danger"
            disabled={busy}
            onClick={remove}
            data-testid="department-delete"
          >
            {t.delete}
          </button>
        </div>
      )}
      {error && (
        <p class="error-text department-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
