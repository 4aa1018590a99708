// 4 worker processes apply a 240-account plan with 10% faults, one killed with SIGKILL and replaced (see
// harness/distributed-suite.ts). The acceptance run at 2,000 accounts is distributed-apply-2000.test.ts.
import { describeDistributedApply } from './harness/distributed-suite';

describeDistributedApply(240);
