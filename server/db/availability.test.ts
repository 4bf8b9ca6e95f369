import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import {
  DatabaseAvailability,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
} from './availability.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows the failures that mean the database cannot be reached', () => {
    for (const e of [
      withCode('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432'),
      withCode('ECONNRESET', 'read ECONNRESET'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('08006', 'connection failure'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      new DatabaseUnavailableError(),
      new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: withCode('ECONNREFUSED') }),
    ])
      expect(isDatabaseUnavailable(e), String(e)).toBe(true);
  });

  it('leaves every other error alone: constraints, refusals, bugs', () => {
    for (const e of [
      withCode('23505', 'duplicate key value violates unique constraint "departments_name"'),
      withCode('22021', 'invalid byte sequence for encoding "UTF8": 0x00'),
      withCode('40001', 'could not serialize access'),
      new TRPCError({ code: 'CONFLICT', message: 'Ana is answering this post' }),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'a string',
      null,
    ])
      expect(isDatabaseUnavailable(e), String(e)).toBe(false);
  });
});

describe('DatabaseAvailability', () => {
  it('tells its listeners of each change once', () => {
    const availability = new DatabaseAvailability();
    const heard: boolean[] = [];
    availability.onChange((up) => heard.push(up));
    expect(availability.isUp).toBe(true);
    expect(availability.set(true)).toBe(false);
    expect(availability.set(false)).toBe(true);
    expect(availability.set(false)).toBe(false);
    expect(availability.isUp).toBe(false);
    availability.set(true);
    expect(heard).toEqual([false, true]);
  });
});
