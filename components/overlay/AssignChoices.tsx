import type { OverlayView, SessionInfo } from '../../shared/messaging/protocol.ts';
import type { Member } from '../../shared/domain/schemas/org.ts';
import { paletteClass } from './department-palette.ts';
import { assignableDepartments, assignablePeople } from './menu-actions.ts';

interface Props {
  view: OverlayView | undefined;
  session: SessionInfo;
  me: Member;
  /** null: choosing a department; an id: the post was routed there, now choosing a person. */
  departmentId: string | null;
  onBack(): void;
  onDepartment(departmentId: string): void;
  onAssignee(assigneeId: string | null): void;
  onDone(): void;
}

/** The Assign submenu: departments (one click routes), then the people of the chosen one. */
export function AssignChoices(props: Props) {
  const { view, session, me, departmentId } = props;
  const back = (
    <button type="button" className="sb-item sb-back" onClick={props.onBack}>
      ‹ Back
    </button>
  );
  const department = session.departments.find((d) => d.id === departmentId);
  if (!department) {
    const departments = assignableDepartments(view, me, session.departments);
    return (
      <>
        {back}
        <p className="sb-menu-heading">Route to</p>
        {departments.map((d) => (
          <button
            key={d.id}
            type="button"
            className="sb-item"
            onClick={() => props.onDepartment(d.id)}
          >
            <span
              className={`sb-dot ${paletteClass(session.departments, d.id)}`}
              aria-hidden="true"
            />
            {d.name}
          </button>
        ))}
        {departments.length === 0 && <p className="sb-menu-note">No departments to route to.</p>}
      </>
    );
  }
  const people = assignablePeople(view, me, department, session.members);
  return (
    <>
      {back}
      <p className="sb-menu-heading">{department.name}: assign a person</p>
      {people.map((m) => (
        <button key={m.id} type="button" className="sb-item" onClick={() => props.onAssignee(m.id)}>
          {m.id === me.id ? `${m.name} (you)` : m.name}
        </button>
      ))}
      {view?.thread.assigneeId && (
        <button type="button" className="sb-item" onClick={() => props.onAssignee(null)}>
          Unassign
        </button>
      )}
      <button type="button" className="sb-item sb-back" onClick={props.onDone}>
        Done
      </button>
    </>
  );
}
