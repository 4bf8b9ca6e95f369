import type { Guidelines, Role, RuleInput } from '../shared/domain/schemas/index.ts';

/**
 * The demo organisation (`seed-demo`, `npm run demo`): an outdoor-gear company whose social team
 * spans seven departments. Its rules are written to route the demo's posts (tests/demo/posts.ts)
 * the way a real team would, and tests hold the two together.
 */

export interface DemoDepartment {
  name: string;
  color: string;
  slaMinutes: number;
  guidelines: Guidelines;
}

export const DEMO_ORG_NAME = 'Acme Outdoor';

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    name: 'Support',
    color: '#2563eb',
    slaMinutes: 30,
    guidelines: {
      tone: 'Warm, plain and specific. Own the problem: one apology, then the fix.',
      dos: [
        'Thank them and use their first name',
        'Ask for the order number in a private message, never in public',
        'Say what happens next and by when',
      ],
      donts: [
        'Promise a refund before the order is checked',
        'Paste a macro that ignores what they wrote',
        'Argue in public: move to messages after the first reply',
      ],
    },
  },
  {
    name: 'Sales',
    color: '#16a34a',
    slaMinutes: 60,
    guidelines: {
      tone: 'Helpful and unhurried: an adviser, not a closer.',
      dos: [
        'Answer the question asked, then offer a call',
        'Link the public pricing page',
        'Mention the 30-day team trial',
      ],
      donts: ['Quote custom discounts in public', 'Run down a competitor'],
    },
  },
  {
    name: 'Marketing',
    color: '#db2777',
    slaMinutes: 240,
    guidelines: {
      tone: 'Playful and on brand, never sarcastic.',
      dos: ['Thank people who share photos of their gear', 'Ask before reposting anyone’s photo'],
      donts: ['Join political or breaking-news threads', 'Announce giveaways Legal has not seen'],
    },
  },
  {
    name: 'PR',
    color: '#ea580c',
    slaMinutes: 120,
    guidelines: {
      tone: 'Measured and factual.',
      dos: ['Move journalists to press@acme-outdoor.example and log the request'],
      donts: ['Comment on rumours, lawsuits or people', 'Speak off the record'],
    },
  },
  {
    name: 'HR',
    color: '#7c3aed',
    slaMinutes: 480,
    guidelines: {
      tone: 'Friendly and inclusive.',
      dos: ['Link the role on the careers page', 'Say when applicants will hear back'],
      donts: ['Discuss anyone’s application in public', 'Comment on current or former staff'],
    },
  },
  {
    name: 'Product',
    color: '#0891b2',
    slaMinutes: 240,
    guidelines: {
      tone: 'Curious and candid.',
      dos: [
        'Thank them for the idea and point to the public roadmap',
        'Ask how to reproduce a bug',
      ],
      donts: ['Promise a feature or a date'],
    },
  },
  {
    name: 'Legal',
    color: '#475569',
    slaMinutes: 480,
    guidelines: {
      tone: 'Brief and formal.',
      dos: ['Acknowledge receipt and move the conversation to e-mail'],
      donts: ['Admit fault or liability', 'Discuss the terms of a dispute in public'],
    },
  },
];

export interface DemoMember {
  name: string;
  role: Role;
  departments: string[];
}

/** A lead and at least one member in every department; the first two are the demo's pair. */
export const DEMO_MEMBERS: DemoMember[] = [
  { name: 'Ana Lima', role: 'member', departments: ['Support'] },
  { name: 'Sam Okafor', role: 'lead', departments: ['Support'] },
  { name: 'Priya Nair', role: 'member', departments: ['Support'] },
  { name: 'Lea Martin', role: 'lead', departments: ['Sales'] },
  { name: 'Ben Weiss', role: 'member', departments: ['Sales'] },
  { name: 'Chloé Dubois', role: 'lead', departments: ['Marketing'] },
  { name: 'Joe Park', role: 'member', departments: ['Marketing', 'PR'] },
  { name: 'Maya Cohen', role: 'lead', departments: ['PR'] },
  { name: 'Tom Reyes', role: 'lead', departments: ['HR'] },
  { name: 'Nina Berg', role: 'member', departments: ['HR'] },
  { name: 'Kenji Sato', role: 'lead', departments: ['Product'] },
  { name: 'Ravi Menon', role: 'member', departments: ['Product'] },
  { name: 'Elena Rossi', role: 'lead', departments: ['Legal'] },
  { name: 'Dan Frost', role: 'member', departments: ['Legal'] },
];

export type DemoRule = Omit<RuleInput, 'departmentId'> & { department: string };

/**
 * In order: the first that matches wins. Keyword rules route at once; the buying-cycle rules at
 * the end only suggest a department for what the keywords missed.
 */
export const DEMO_RULES: DemoRule[] = [
  {
    name: 'Press and interview requests',
    // Whole phrases: "press" alone is in "impressed" (keywords match anywhere in the text).
    keywords: [
      'journalist',
      'reporter',
      'press enquiry',
      'press inquiry',
      'interview',
      'for comment',
    ],
    department: 'PR',
    mode: 'auto',
  },
  {
    name: 'Legal threats and data requests',
    keywords: ['lawyer', 'lawsuit', 'sue you', 'in court', 'gdpr', 'trademark'],
    department: 'Legal',
    mode: 'auto',
  },
  {
    name: 'Jobs and applications',
    keywords: ['hiring', 'job', 'careers', 'apply', 'internship', 'vacancy'],
    department: 'HR',
    mode: 'auto',
  },
  {
    name: 'Refunds, double charges and broken orders',
    keywords: [
      'refund',
      'charged twice',
      'double charged',
      'broken',
      'damaged',
      'replacement',
      'not working',
      'will not load',
    ],
    department: 'Support',
    mode: 'auto',
  },
  {
    name: 'Late and missing deliveries',
    keywords: ['delivery', 'never arrived', 'where is my order', 'tracking', 'parcel'],
    department: 'Support',
    mode: 'auto',
  },
  {
    name: 'Pricing and plans',
    keywords: ['pricing', 'price', 'quote', 'discount', 'per seat', 'which plan'],
    department: 'Sales',
    mode: 'auto',
  },
  {
    name: 'Feature ideas',
    keywords: ['feature request', 'would love', 'please add', 'dark mode', 'roadmap'],
    department: 'Product',
    mode: 'auto',
  },
  {
    name: 'Photos and thanks from customers',
    keywords: ['selfie', 'thank you acme', 'shout-out', 'love my acme'],
    department: 'Marketing',
    mode: 'suggest',
  },
  { name: 'Thinking of buying', stage: 'pre-purchase', department: 'Sales', mode: 'suggest' },
  { name: 'Buying now', stage: 'purchase', department: 'Sales', mode: 'suggest' },
  { name: 'After the sale', stage: 'post-purchase', department: 'Support', mode: 'suggest' },
];
