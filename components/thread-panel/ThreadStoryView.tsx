import { useRef, useState } from 'react';
import type {
  Consult,
  Department,
  Member,
  ThreadStory,
  ThreadView,
} from '../../shared/domain/schemas/index.ts';
import { ConsultList } from './ConsultList.tsx';
import { NoteComposer } from './NoteComposer.tsx';
import { NoteList } from './NoteList.tsx';
import type { StoryActions } from './story-actions.ts';
import { StoryTimeline } from './StoryTimeline.tsx';

interface Props {
  /** null while it loads. */
  story: ThreadStory | null;
  error: string | null;
  /** The thread as shown now: newer than the story's while an action is pending. */
  view: ThreadView | undefined;
  me: Member;
  members: readonly Member[];
  departments: readonly Department[];
  now: number;
  actions: StoryActions;
  headingId: string;
  onClose(): void;
  onDraft?(hasDraft: boolean): void;
}

/**
 * The thread panel, the same on the site (in the post's shadow root) and on the dashboard: the
 * post's internal notes (newest last), who is asked and since when, a box to add a note, consult
 * a department or reply to a consult, and the timeline from the event log.
 */
export function ThreadStoryView(props: Props) {
  const { story, error, me, members, departments, actions } = props;
  const [replyTo, setReplyTo] = useState<Consult | null>(null);
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const view = props.view ?? story?.view;
  const name = (id: string | null) =>
    (id && (story?.memberNames[id] ?? members.find((m) => m.id === id)?.name)) || 'Switchboard';
  const departmentName = (id: string | null) =>
    departments.find((d) => d.id === id)?.name ?? 'another department';
  const withdraw = async (c: Consult) => {
    setBusy(true);
    await actions.withdraw(c.id);
    setBusy(false);
  };
  const reply = (c: Consult) => {
    setReplyTo(c);
    textRef.current?.focus();
  };
  const post = view?.thread;
  return (
    <div className="sb-story">
      <header className="sb-panel-head">
        <h2 id={props.headingId}>Notes and timeline</h2>
        <button type="button" className="sb-quiet" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      {post && (
        <p className="sb-panel-post" title={post.text}>
          {post.authorName || post.authorHandle}: {post.text}
        </p>
      )}
      {error && (
        <p className="sb-error" role="alert">
          {error}
        </p>
      )}
      {!story && !error && <p className="sb-panel-empty">Loading…</p>}
      {story && view && (
        <>
          <ConsultList
            consults={story.consults}
            view={view}
            me={me}
            now={props.now}
            busy={busy}
            name={name}
            departmentName={departmentName}
            onReply={reply}
            onWithdraw={(c) => void withdraw(c)}
          />
          <section aria-label="Internal notes" className="sb-panel-section">
            <h3>Internal notes</h3>
            {story.canReadNotes ? (
              <NoteList
                story={story}
                members={members}
                departments={departments}
                name={name}
                departmentName={departmentName}
              />
            ) : (
              <p className="sb-panel-empty">
                Notes on this post are for {departmentName(view.thread.departmentId)} and the
                departments asked about it.
              </p>
            )}
          </section>
          {story.canReadNotes && (
            <NoteComposer
              view={view}
              me={me}
              members={members}
              departments={departments}
              actions={actions}
              replyTo={replyTo}
              onCancelReply={() => setReplyTo(null)}
              departmentName={departmentName}
              textRef={textRef}
              onBusy={setBusy}
              onDraft={(d) => props.onDraft?.(d)}
            />
          )}
          <section aria-label="Timeline" className="sb-panel-section">
            <h3>Timeline</h3>
            <StoryTimeline story={story} names={{ member: name, department: departmentName }} />
          </section>
        </>
      )}
    </div>
  );
}
