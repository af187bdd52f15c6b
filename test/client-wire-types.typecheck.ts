// Compile-time contract (checked by `npm run typecheck`, never run): the wire types in packages/client, which the
// console and other TypeScript callers import, are the same shapes as the API's own response schemas and DTOs.
import type { z } from 'zod';
import type * as R from '../apps/api/src/openapi/responses';
import type { WorkflowTestSessionDto } from '../apps/api/src/services/test-sessions-dto';
import type { toTokenMessage } from '../apps/api/src/events/token-message';
import type * as C from '../packages/client/src/types';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(ok: Same<A, B>) => ok;

same<C.Execution, z.infer<typeof R.Execution>>(true);
same<C.ExecutionDetail, z.infer<typeof R.ExecutionDetail>>(true);
same<C.ControlResult, z.infer<typeof R.ControlResponse>>(true);
same<C.NodeRecord, z.infer<typeof R.NodesResponse>['items'][number]>(true);
same<C.LogEntry, z.infer<typeof R.LogsResponse>['logs'][number]>(true);
same<C.TimelineItem, z.infer<typeof R.TimelineResponse>['items'][number]>(true);
same<C.Workflow, z.infer<typeof R.Workflow>>(true);
same<C.ApiErrorBody, z.infer<typeof R.ErrorResponse>>(true);
same<C.TestSession, WorkflowTestSessionDto>(true);
same<C.TokenMessage, ReturnType<typeof toTokenMessage>>(true);
