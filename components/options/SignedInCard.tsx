import type { SessionInfo } from '../../shared/messaging/protocol.ts';

const connectionText: Record<SessionInfo['connection'], string> = {
  online: 'Connected',
  connecting: 'Connecting…',
  offline: 'Offline: changes are kept and sent when the server is back',
  'signed-out': 'Signed out',
};

export function SignedInCard({ session, onSignOut }: { session: SessionInfo; onSignOut(): void }) {
  const me = session.me!;
  const mine = session.departments.filter((d) => me.departmentIds.includes(d.id));
  return (
    <section className="card" aria-label="Signed in">
      <p>
        Signed in as <strong data-testid="member-name">{me.name}</strong> ({me.role})
        {session.orgName && <> at {session.orgName}</>}
      </p>
      <p>
        Departments:{' '}
        {mine.length
          ? mine.map((d) => (
              <span key={d.id} className="chip" style={{ borderColor: d.color }}>
                {d.name}
              </span>
            ))
          : 'none yet'}
      </p>
      <p className={`status ${session.connection}`}>
        {connectionText[session.connection]} · {session.serverUrl}
      </p>
      {session.error && session.connection !== 'online' && (
        <p className="error" role="alert">
          {session.error}
        </p>
      )}
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
    </section>
  );
}
