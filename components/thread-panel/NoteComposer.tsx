import { useId, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Consult, Department, Member, ThreadView } from '../../shared/domain/schemas/index.ts';
import { MAX_NOTE_LENGTH } from '../../shared/domain/note-limits.ts';
import { consultRefusal, departmentsToConsult } from '../../shared/domain/consult-state.ts';
import { parseMentions } from '../../shared/domain/mentions.ts';
import { mayConsult } from './story-actions.ts';
import type { StoryActions, StoryOutcome } from './story-actions.ts';

interface Props {
  view: ThreadView;
  me: Member;
  members: readonly Member[];
  departments: readonly Department[];
  actions: StoryActions;
  /** The consult being answered (set by "Reply to consult"), or null for a note. */
  replyTo: Consult | null;
  onCancelReply(): void;
  departmentName(id: string | null): string;
  textRef: RefObject<HTMLTextAreaElement | null>;
  onBusy(busy: boolean): void;
  /** Whether the draft has text (the overlay keeps a panel with a draft open). */
  onDraft(hasDraft: boolean): void;
}

/**
 * "Add note" (never posted to the site): `@Name` mentions, `#Department` asks; or pick a
 * department to consult; or, replying to a consult, the answer. What it will do is said under
 * the box before it is sent.
 */
export function NoteComposer(props: Props) {
  const { view, me, members, departments, actions, replyTo } = props;
  const [text, setText] = useState('');
  const [consultWith, setConsultWith] = useState('');
  const [result, setResult] = useState<StoryOutcome | null>(null);
  const [sending, setSending] = useState(false);
  const id = useId();
  const sendingRef = useRef(false);
  const canConsult = mayConsult(me, view);
  const askable = departments.filter((d) => !consultRefusal(view.thread, d.id));
  const parsed = parseMentions(text, members, departments);
  const asks =
    replyTo || !canConsult ? [] : departmentsToConsult(view.thread, parsed.departmentIds);
  const picked = departments.find((d) => d.id === consultWith);
  const hints = [
    ...(picked || asks.length
      ? [`Asks ${[picked?.name, ...asks.map(props.departmentName)].filter(Boolean).join(', ')}`]
      : []),
    ...(parsed.memberIds.length
      ? [
          `mentions ${parsed.memberIds.map((m) => members.find((x) => x.id === m)?.name).join(', ')}`,
        ]
      : []),
  ];
  const label = replyTo
    ? `Reply to ${props.departmentName(replyTo.departmentId)}’s consult`
    : 'Add note';
  const submitLabel = replyTo ? 'Send reply' : picked ? `Consult ${picked.name}` : 'Add note';

  const submit = async () => {
    const note = text.trim();
    if (!note || sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    props.onBusy(true);
    const outcome = replyTo
      ? await actions.answer(replyTo.id, note)
      : picked
        ? await actions.consult(picked.id, note)
        : await actions.addNote(note);
    sendingRef.current = false;
    setSending(false);
    props.onBusy(false);
    setResult(outcome);
    if (!outcome.ok) return;
    setText('');
    props.onDraft(false);
    setConsultWith('');
    if (replyTo) props.onCancelReply();
  };

  return (
    <form
      className="sb-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={`${id}-text`} className="sb-composer-label">
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        ref={props.textRef}
        value={text}
        maxLength={MAX_NOTE_LENGTH}
        rows={3}
        placeholder="Internal, never posted. @Name mentions someone, #Department asks a department."
        onChange={(e) => {
          setText(e.target.value);
          setResult(null);
          props.onDraft(e.target.value.trim() !== '');
        }}
        onKeyDown={(e) => {
          // Ctrl/Cmd+Enter sends, as in most chat boxes; Enter alone makes a new line.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <p className="sb-composer-hint" aria-live="polite">
        {result?.error ? (
          <span className="sb-error" role="alert">
            {result.error}
          </span>
        ) : result?.queued ? (
          'Saved: it is added when Switchboard is back online.'
        ) : hints.length ? (
          hints.join(' · ')
        ) : (
          `${text.length}/${MAX_NOTE_LENGTH}`
        )}
      </p>
      <div className="sb-composer-row">
        {replyTo ? (
          <button type="button" className="sb-quiet" onClick={props.onCancelReply}>
            Cancel reply
          </button>
        ) : (
          canConsult &&
          askable.length > 0 && (
            <label className="sb-consult-pick">
              Consult
              <select value={consultWith} onChange={(e) => setConsultWith(e.target.value)}>
                <option value="">No department</option>
                {askable.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
          )
        )}
        <button type="submit" className="sb-primary" disabled={sending || !text.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
