import type { Department, Member, Note, ThreadStory } from '../../shared/domain/schemas/index.ts';
import { NoteText } from './NoteText.tsx';
import { storyTime } from './story-time.ts';

interface Props {
  story: ThreadStory;
  members: readonly Member[];
  departments: readonly Department[];
  name(id: string | null): string;
  departmentName(id: string | null): string;
}

/** What a note did besides saying something: asked a department, or answered for one. */
function noteRole(note: Note, story: ThreadStory, departmentName: Props['departmentName']) {
  const asked = story.consults.filter((c) => note.consultIds.includes(c.id));
  const depts = asked.map((c) => departmentName(c.departmentId)).join(', ');
  if (note.kind === 'question' && depts) return `asked ${depts}`;
  if (note.kind === 'answer' && depts) return `answered for ${depts}`;
  return null;
}

/** Internal notes, oldest first, newest last (as a conversation reads). */
export function NoteList({ story, members, departments, name, departmentName }: Props) {
  if (story.notes.length === 0) return <p className="sb-panel-empty">No notes yet.</p>;
  return (
    <ol className="sb-notes" aria-label="Internal notes">
      {story.notes.map((note) => {
        const role = noteRole(note, story, departmentName);
        return (
          <li key={note.id} className={`sb-note-item sb-note-${note.kind}`}>
            <div className="sb-note-meta">
              <strong>{name(note.authorId)}</strong>
              {role && <span className="sb-note-role">{role}</span>}
              <time dateTime={new Date(note.at).toISOString()}>
                {storyTime(note.at, story.now)}
              </time>
            </div>
            <NoteText text={note.text} members={members} departments={departments} />
          </li>
        );
      })}
    </ol>
  );
}
