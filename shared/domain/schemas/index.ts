export * from './post.ts';
export * from './org.ts';
export * from './thread.ts';
export * from './event.ts';
export * from './rule.ts';
export * from './api.ts';
export * from './consult.ts';
