import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { isUpdateToFinishedRun, refusalOf } from './workflow-answers';

describe('isUpdateToFinishedRun', () => {
  test("the SDK's WorkflowNotFoundError (an update to a completed run) is recognised by class", () => {
    const err = new WorkflowNotFoundError('workflow execution already completed', 'order-M-1', undefined);
    expect(isUpdateToFinishedRun(err)).toBe(true);
  });

  test('other errors are not, whatever their message says', () => {
    expect(isUpdateToFinishedRun(new Error('workflow execution already completed'))).toBe(false);
    expect(isUpdateToFinishedRun(new Error('not found'))).toBe(false);
    const refused = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.nonRetryable('no', 'InvalidTransition'),
    );
    expect(isUpdateToFinishedRun(refused)).toBe(false);
    expect(refusalOf(refused)).toBe('InvalidTransition');
  });
});
