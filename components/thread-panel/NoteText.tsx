import type { Department, Member } from '../../shared/domain/schemas/index.ts';
import { parseMentions } from '../../shared/domain/mentions.ts';

/** A note's text with its @member and #department mentions marked; text only, never HTML. */
export function NoteText(props: {
  text: string;
  members: readonly Member[];
  departments: readonly Department[];
}) {
  const { parts } = parseMentions(props.text, props.members, props.departments);
  return (
    <p className="sb-note-text">
      {parts.map((part, i) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <mark key={i} className={`sb-mention sb-mention-${part.kind}`}>
            {part.text}
          </mark>
        ),
      )}
    </p>
  );
}
