// The departments card of the team page: the list and, for admins, the create form.
import { useState } from 'preact/hooks';
import type { Department } from '../../../protocol';
import type { ApiError } from '../api';
import { teamApi } from '../api-team';
import { adminStrings as t } from '../strings-admin';
import { DepartmentRow } from './DepartmentRow';
import { ErrorText } from './ErrorText';

/** Departments with create/rename/auto-assign/default/delete. */
export function DepartmentsSection({
  departments,
  editable,
  onChanged,
}: {
  departments: Department[];
  editable: boolean;
  onChanged: () => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [autoAssign, setAutoAssign] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await teamApi.createDepartment(name.trim(), autoAssign);
      setName('');
      setAutoAssign(false);
      await onChanged();
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card">
      <h3 class="card-title">{t.departmentsTitle}</h3>
      {departments.length === 0 && <p class="muted">{t.noDepartments}</p>}
      <ul class="departments">
        {departments.map((d) => (
          <DepartmentRow key={d.id} department={d} editable={editable} onChanged={onChanged} />
        ))}
      </ul>
      {editable && (
        <form class="inline-form department-create" onSubmit={create}>
          <input
            class="input"
            value={name}
            required
            maxLength={100}
            placeholder={t.departmentName}
            aria-label={t.departmentName}
            onInput={(e) => setName(e.currentTarget.value)}
            data-testid="department-name"
          />
          <label class="check">
            <input
              type="checkbox"
              checked={autoAssign}
              onChange={(e) => setAutoAssign(e.currentTarget.checked)}
              data-testid="department-autoassign"
            />
            {t.autoAssignHint}
          </label>
          <button type="submit" class="button button-primary" disabled={busy} data-testid="department-create">
            {t.createDepartment}
          </button>
        </form>
      )}
      <ErrorText message={error} />
    </section>
  );
}
