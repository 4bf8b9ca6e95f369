import { randomUUID } from 'node:crypto';

/** Opaque ids for rows made by the server (orgs, members, departments, rules, tokens). */
export function newId(): string {
  return randomUUID();
}
