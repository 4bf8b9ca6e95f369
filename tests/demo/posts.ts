import type { Platform } from '../../shared/domain/schemas/post.ts';

/**
 * What the demo's customers say: the project's fixture pages (tests/fixtures/) with each post's
 * words, and on X its people, replaced by an outdoor-gear company's social traffic. Keyed by the
 * post's key in the fixture. `routes` is where the demo organisation's rules
 * (server/demo-org.ts) send the post; tests/server/seed-demo.test.ts holds the two together.
 */
export interface DemoPost {
  text?: string;
  /** A quoted post's text (X quotes carry a second text block). */
  quote?: string;
  /** Literal replacements inside the post's markup: names and handles of the captured people. */
  rename?: [from: string, to: string][];
  /** Parts of the capture to leave out (selectors inside the post). */
  strip?: string[];
  routes: { department: string; mode: 'auto' | 'suggest' } | null;
  /** The row is left out of the demo (the capture's own content does not fit it). */
  drop?: true;
}

const auto = (department: string) => ({ department, mode: 'auto' as const });
const suggest = (department: string) => ({ department, mode: 'suggest' as const });

export const DEMO_POSTS: Record<Platform, Record<string, DemoPost>> = {
  x: {
    'x:1841842569182929401': {
      rename: [
        ['jarvis_best', 'majak_hikes'],
        ['Jarvis', 'Maja Kowalski'],
      ],
      text: '@AcmeOutdoor I sent the trail tent back three weeks ago and still no refund. Order #51877. Can someone help?',
      routes: auto('Support'),
    },
    'x:1841911481241370703': {
      rename: [
        ['tenobrus', 'devbuilds'],
        ['Tenobrus', 'Dev Patel'],
        ['cedar_xr', 'AcmeOutdoor'],
        ['Cedar is', 'Acme Outdoor'],
      ],
      // The quoted post's "Replying to …" line named the captured people.
      strip: ['.r-6gpygo.r-jusfrs > .r-14gqq1x:not([data-testid])'],
      text: 'Is Trails Pro priced per seat? Our hiking club has 40 members and we would all need the shared maps.',
      quote: 'Acme Trails Pro is here: offline maps, group check-in and route sharing for clubs.',
      routes: auto('Sales'),
    },
    'x:1841834132160077852': {
      rename: [
        ['thechosenberg', 'hannah_writes'],
        ['rosey', 'Hannah Ortiz'],
      ],
      strip: ['[data-testid="User-Name"] img'],
      text: 'Journalist at Outdoor Weekly: I am writing about repairable gear. Could someone at @AcmeOutdoor talk to me for an interview this week?',
      routes: auto('PR'),
    },
    'x:1841834132160077999': {
      rename: [
        ['thechosenberg', 'leo_on_trails'],
        ['rosey', 'Leo Brandt'],
        ['Jarvis', 'Denver Trail Runners'],
      ],
      // The capture reposts a photo post; a job question comes without one.
      strip: ['[data-testid="User-Name"] img', '.r-9aw3ui.r-1s2bzr4'],
      text: 'Are you hiring for the Denver store this summer? I would love to apply.',
      routes: auto('HR'),
    },
    // A card from a news site, reposted by a journalist: nothing a customer would write.
    'x:1843978367558885854': { drop: true, routes: null },
    'x:1841842569182930001': {
      rename: [
        ['jarvis_best', 'sofiamarin'],
        ['Jarvis', 'Sofia Marin'],
      ],
      text: 'My parcel was due on Monday and the tracking has not moved since. Where is my order, @AcmeOutdoor?',
      routes: auto('Support'),
    },
    'x:1845152528066883989': {
      rename: [
        ['caesararum, BS, DOGS', 'Kai Nakamura'],
        ['caesararum', 'kai_n'],
      ],
      text: 'Would love a dark mode in the Acme Trails app. My eyes at 5 am at the trailhead!',
      routes: auto('Product'),
    },
    'x:1841842569182930002': {
      rename: [
        ['jarvis_best', 'graceliu'],
        ['Jarvis', 'Grace Liu'],
      ],
      text: 'Which plan should our school pick for 20 teachers? Any discount for schools?',
      routes: auto('Sales'),
    },
  },
  linkedin: {
    'linkedin:urn:li:activity:7254612835519012864': {
      text: 'Group check-in in the Acme Trails app has been broken since the last update: none of our 30 guides can check their groups in. Anyone from Acme support around? #help',
      routes: auto('Support'),
    },
    'linkedin:urn:li:activity:7254598120046518272': {
      text: 'We are evaluating Acme against two alternatives to kit out our 200 mountain guides. What does pricing look like at that size, and is there a trial?',
      routes: auto('Sales'),
    },
    'linkedin:urn:li:activity:7254577001235456000': {
      text: 'Updated Trails yesterday and now the app will not load on any of our club tablets. Reposting in case Acme can help.',
      quote: 'Acme Trails 4.0 is here: faster sync and a new club dashboard.',
      routes: auto('Support'),
    },
    'linkedin:urn:li:activity:7254288776655443968': {
      text: 'Has anyone else been double charged for the Trails Pro annual plan? My support ticket has had no answer for 4 days.',
      routes: auto('Support'),
    },
    'linkedin:urn:li:activity:7254200033344455666': {
      text: 'We are hiring! Join our store teams in Lisbon and Denver. Apply through our careers page.',
      routes: auto('HR'),
    },
    'linkedin:urn:li:activity:7254155550001112223': {
      text: 'Thank you Acme for the quick fix on the Trails app! Great experience with your team this week.',
      routes: suggest('Marketing'),
    },
  },
  facebook: {
    'facebook:pfbid02xYz7Q9kLmNoPqRsTuVwXyZaBcDeFgHiJkLmNoPqRsTuVwXyZ1l': { routes: null },
    'facebook:122145678901234567': { routes: auto('Support') },
    'facebook:h:1nd969e94lb': {
      text: 'Does the Acme trail tent come in a 4-person version? Considering it for our trip in May.',
      routes: suggest('Sales'),
    },
    'facebook:785512345678901': { routes: null },
    'facebook:1234567890123456': { routes: null },
    'facebook:10161234567890123': { routes: suggest('Marketing') },
  },
};

/**
 * Replacements over a whole page: the person the captures show as signed in (Ana Lima, "Support
 * lead at Acme") becomes whoever the demo browser belongs to; glyphs no common font draws go.
 */
export function pageRenames(viewer: { name: string; title: string }): [string, string][] {
  const first = viewer.name.split(' ')[0]!;
  return [
    ['Ana Lima', viewer.name],
    ['Support lead at Acme', viewer.title],
    ['on your mind, Ana?', `on your mind, ${first}?`],
    ['👍', ''],
  ];
}

/** The posts the demo's story acts on. */
export const STORY_POSTS = {
  refund: 'x:1841842569182929401',
  delivery: 'x:1841842569182930001',
  jobQuestion: 'x:1841834132160077999',
} as const;
