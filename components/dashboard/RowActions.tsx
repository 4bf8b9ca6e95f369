import type { Member, ThreadView } from '../../shared/domain/schemas/index.ts';
import { nextStatus } from '../../shared/domain/thread-state.ts';
import { useQueue } from './dashboard-store.ts';
import { memberChoices } from './choices.ts';
import { Select } from './Select.tsx';
import { server } from './server-client.ts';

const moves = [
  ['resolve', 'Resolve', 'Resolved'],
  ['reopen', 'Reopen', 'Reopened'],
] as const;

/** A lead's actions on one thread: drop or hand over someone's claim, resolve or reopen. */
export function RowActions({
  view,
  label,
  people,
  busy,
}: {
  view: ThreadView;
  label: string;
  people: Member[];
  busy: boolean;
}) {
  const act = useQueue((s) => s.act);
  const { thread, claim } = view;
  const { postKey } = thread;
  return (
    <div className="actions">
      {claim && (
        <>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            aria-label={`Release ${claim.holderName}’s claim on ${label}`}
            onClick={() =>
              void act(
                postKey,
                { action: 'Release claim', done: `Released ${claim.holderName}’s claim` },
                // A lead drops someone else's claim by overriding it to nobody.
                () => server.claims.override.mutate({ postKey }),
              )
            }
          >
            Release claim
          </button>
          <Select
            aria-label={`Give the claim on ${label} to`}
            value=""
            disabled={busy}
            options={[
              { value: '', label: 'Give claim to…' },
              ...memberChoices(people.filter((m) => m.id !== claim.holderId)),
            ]}
            onChange={(id) => {
              const to = people.find((m) => m.id === id);
              if (!to) return;
              void act(
                postKey,
                { action: `Give claim to ${to.name}`, done: `Claim given to ${to.name}` },
                () => server.claims.override.mutate({ postKey, toMemberId: to.id }),
              );
            }}
          />
        </>
      )}
      {moves.map(([move, action, done]) =>
        nextStatus(thread.status, move).ok ? (
          <button
            key={move}
            type="button"
            disabled={busy}
            aria-label={`${action} ${label}`}
            onClick={() =>
              void act(postKey, { action, done }, () => server.threads[move].mutate({ postKey }))
            }
          >
            {action}
          </button>
        ) : null,
      )}
    </div>
  );
}
