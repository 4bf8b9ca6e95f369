import { renderToStaticMarkup } from 'react-dom/server';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Department, Member } from '../../shared/domain/schemas/index.ts';
import type { SessionInfo } from '../../shared/messaging/protocol.ts';
import { claimBy, threadView } from '../../tests/fixtures/thread-view.ts';
import { OwnershipBadge } from './OwnershipBadge.tsx';

const department = (name: string): Department => ({
  id: 'd1',
  name,
  color: '#123456',
  slaMinutes: 60,
  guidelines: { dos: [], donts: [], tone: '' },
});
const ana: Member = { id: 'm1', name: 'Ana', handle: 'ana', role: 'lead', departmentIds: ['d1'] };

function badge(departmentName: string, holderName?: string) {
  const session: SessionInfo = {
    connection: 'online',
    me: ana,
    departments: [department(departmentName)],
    members: [ana],
  };
  const view = {
    ...threadView('x:1', { departmentId: 'd1' }),
    claim: holderName ? claimBy('x:1', holderName, 'm2') : null,
  };
  const html = renderToStaticMarkup(
    <OwnershipBadge
      view={view}
      session={session}
      busy={false}
      offerSuggestion={false}
      onAcceptSuggestion={() => {}}
    />,
  );
  return parseHTML(`<div>${html}</div>`).document;
}

// Issue 15: every clip is a node the compositor updates in each frame the feed moves, so only
// text long enough to be squeezed is clipped (with its ellipsis); short text keeps its width.
describe('OwnershipBadge', () => {
  it('clips only text long enough to squeeze, and titles it', () => {
    const short = badge('Support');
    expect(short.querySelectorAll('.sb-long')).toHaveLength(0);
    expect(short.querySelector('.sb-status')?.textContent).toBe('Open');

    const long = badge('Customer Experience Europe', 'Bartholomew Fitzgerald');
    const squeezed = [...long.querySelectorAll('.sb-long')].map((el) => el.className);
    expect(squeezed).toEqual(['sb-dept sb-long', 'sb-claim sb-long']);
    expect(long.querySelector('.sb-dept')?.getAttribute('title')).toBe(
      'Customer Experience Europe',
    );
    expect(long.querySelector('.sb-claim')?.getAttribute('title')).toBe(
      'Bartholomew Fitzgerald is answering',
    );
  });
});
