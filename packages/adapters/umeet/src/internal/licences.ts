import {
  type LicencesPort,
  type OperationContext,
  SyncConflictError,
  ValidationError,
} from '@channelkit/core';
import type { LicenceChange, LicenceState } from '@channelkit/types';
import { strongEntityTag } from './entity-tag';
import { type LicenceRead, readLicence } from './licence-read';
import { toLicenceState } from './mapping';
import { describe, exchange, parseAnswer, statusOf } from './request';
import { type UmeetLicence, umeetLicenceSchema } from './wire-schemas';

const OPERATION = 'licences.set';
/** Writes sent for one `licences.set`: the first, and one more after a 412. */
const MAX_WRITES = 2;

function refuse(message: string): ValidationError {
  return new ValidationError({ message, issues: [{ path: 'seats', message }] });
}

/**
 * Umeet's seat rules for flexible seats: `purchased` may move freely between the seats users hold and the account's
 * cap. Checked after every read and before any write.
 */
function checkSeatRules(accountId: string, change: LicenceChange, licence: UmeetLicence): void {
  const { assigned, cap } = licence.seats;
  if (change.seats < assigned) {
    throw refuse(
      `Cannot set ${change.seats} seats: ${assigned} users of Umeet account ${accountId} hold a seat. Unassign at ` +
        `least ${assigned - change.seats} seats first, or ask for ${assigned} seats or more.`,
    );
  }
  if (change.seats > cap) {
    throw refuse(
      `Cannot set ${change.seats} seats: the seat cap of Umeet account ${accountId} is ${cap}. Only Systec can ` +
        `raise the cap (ask your Systec partner manager), or ask for ${cap} seats or fewer.`,
    );
  }
}

/** The licence a successful write established, when its answer cannot be read: what was read, changed as asked. */
function established(licence: UmeetLicence, plan: string, seats: number): UmeetLicence {
  return { ...licence, plan, seats: { ...licence.seats, purchased: seats } };
}

/** The licences port over contract v1: reads, and writes guarded by `ETag`/`If-Match`. */
export function umeetLicences(): LicencesPort {
  /**
   * One conditional write. Resolves with the new state, or `undefined` when Umeet answered 412: the licence changed
   * since it was read.
   */
  async function write(
    accountId: string,
    read: LicenceRead,
    plan: string,
    seats: number,
    context: OperationContext,
  ): Promise<LicenceState | undefined> {
    const etag = strongEntityTag(read.etag, OPERATION, read.path);
    let data: unknown;
    try {
      // PUT is safe to repeat: a repeat of a write that went through finds another ETag (412), and the re-read below
      // then sees the change made.
      ({ data } = await exchange(context, {
        method: 'PUT',
        path: read.path,
        headers: { 'if-match': etag },
        body: { plan, seats },
      }));
    } catch (error) {
      if (statusOf(error) === 412) return undefined;
      throw error;
    }
    try {
      return toLicenceState(
        accountId,
        parseAnswer(umeetLicenceSchema, data, OPERATION, { method: 'PUT', path: read.path }),
      );
    } catch (unreadable) {
      // From here on the change is made: nothing may turn it into a reported failure.
      context.logger.warn(
        'umeet: licence changed, but the answer was unreadable; returning what the change set',
        {
          accountId,
          error: describe(unreadable),
        },
      );
      return toLicenceState(accountId, established(read.licence, plan, seats));
    }
  }

  return {
    get: async (accountId, context) =>
      toLicenceState(accountId, (await readLicence(accountId, 'licences.get', context)).licence),

    set: async (accountId, change, context) => {
      let read = await readLicence(accountId, OPERATION, context);
      for (let writes = 0; ; ) {
        checkSeatRules(accountId, change, read.licence);
        const plan = change.plan ?? read.licence.plan;
        if (read.licence.seats.purchased === change.seats && read.licence.plan === plan) {
          context.logger.info('umeet: licence already as asked; nothing written', { accountId, writes });
          return toLicenceState(accountId, read.licence);
        }
        const written = await write(accountId, read, plan, change.seats, context);
        writes += 1;
        if (written) {
          context.logger.info('umeet: licence changed', { accountId, seats: change.seats, plan, writes });
          return written;
        }
        if (writes >= MAX_WRITES) {
          throw new SyncConflictError(
            `Umeet account ${accountId}: its licence changed again between reading it and writing ${change.seats} ` +
              `seats, twice in a row: Umeet answered both writes with 412 Precondition Failed. Someone else is ` +
              'changing this licence: read it with licences.get and decide again.',
          );
        }
        context.logger.info('umeet: licence changed since it was read (412); reading it again', {
          accountId,
        });
        read = await readLicence(accountId, OPERATION, context);
      }
    },
  };
}
