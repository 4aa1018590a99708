// The acceptance run: 4 worker processes apply a 2,000-account plan with 10% faults, one killed with SIGKILL and
// replaced, on both backends (see harness/distributed-suite.ts). A minute or two per backend; run by
// `pnpm test:distributed`, not by `pnpm test` or CI (see vitest.distributed.config.ts).
import { FAULTY_RUN } from './harness/distributed-run';
import { describeDistributedApply } from './harness/distributed-suite';

describeDistributedApply(FAULTY_RUN.accounts);
