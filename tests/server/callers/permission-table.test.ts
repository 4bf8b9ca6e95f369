import { describe, expect, it } from 'vitest';
import { appRouter } from '../../../server/trpc/app-router.ts';
import { permissions } from '../../../shared/domain/permissions.ts';

describe('the permission table', () => {
  it('has an entry for every procedure of the app router, and none besides', () => {
    // Read from the router at run time: a procedure added without an entry fails here.
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(procedures.length).toBeGreaterThan(30);
    expect(Object.keys(permissions).sort()).toEqual(procedures);
  });
});
