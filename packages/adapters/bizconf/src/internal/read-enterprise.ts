import type { OperationContext } from '@channelkit/core';
import { checkSameId, enterprisePath, exchange } from './request';
import { type BizconfEnterprise, enterpriseSchema } from './wire-schemas';

/**
 * Sends a request answered with an enterprise (`GET /enterprises/{id}`, or a freeze, unfreeze or cancel) and checks
 * that the answer is about that enterprise.
 */
export async function enterpriseCall(
  context: OperationContext,
  request: {
    operation: string;
    enterpriseId: string;
    action?: 'freeze' | 'unfreeze' | 'cancel' | undefined;
  },
): Promise<BizconfEnterprise> {
  const { operation, enterpriseId, action } = request;
  const path = enterprisePath(enterpriseId, action === undefined ? '' : `/${action}`);
  const method = action === undefined ? 'GET' : 'POST';
  const { data } = await exchange(
    context,
    action === undefined ? 'query' : 'write',
    action === undefined
      ? { operation, method: 'GET', path }
      : // Freezing a frozen account (and so on) is answered as done: the transport may repeat these.
        { operation, method: 'POST', path, body: {}, idempotent: true },
    enterpriseSchema,
  );
  checkSameId({ operation, method, path, field: 'data.enterpriseId' }, enterpriseId, data.enterpriseId);
  return data;
}
