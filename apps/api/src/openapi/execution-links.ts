const byId = (operationId: string) => ({ operationId, parameters: { id: '$response.body#/id' } });
const byRecord = (operationId: string) => ({
  operationId,
  parameters: { id: '$response.body#/workflow_id', execute_id: '$response.body#/id' },
});

/** From an answer carrying an execution to every call that takes its id (a stateful tester follows them). */
export const executionLinks = {
  GetExecution: byId('getExecution'),
  GetExecutionStatus: byId('getExecutionStatus'),
  ListExecutionNodes: byId('listExecutionNodes'),
  GetExecutionLogs: byId('getExecutionLogs'),
  GetExecutionTimeline: byId('getExecutionTimeline'),
  PauseExecution: byId('pauseExecution'),
  ResumeExecution: byId('resumeExecution'),
  StopExecution: byId('stopExecution'),
  CancelExecution: byId('cancelExecution'),
  SetExecutionStatus: byId('setExecutionStatus'),
  RerunExecution: byId('rerunExecution'),
  ListReruns: byId('listReruns'),
  GetRunHistoryRecord: byRecord('getRunHistoryRecord'),
  DeleteRunHistoryRecord: byRecord('deleteRunHistoryRecord'),
};

/** From the /execute compatibility API's start to its reads and controls. */
export const executeLinks = {
  GetExecuteStatus: byId('getExecuteStatus'),
  GetExecuteLogs: byId('getExecuteLogs'),
  PauseExecute: byId('pauseExecute'),
  ResumeExecute: byId('resumeExecute'),
  StopExecute: byId('stopExecute'),
};
