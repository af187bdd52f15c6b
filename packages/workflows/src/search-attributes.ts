import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Search attributes set on every run so the Temporal Web UI can find and filter them. */
export const OWNER_ATTRIBUTE = defineSearchAttributeKey('TrellisOwner', SearchAttributeType.KEYWORD);
export const WORKFLOW_ID_ATTRIBUTE = defineSearchAttributeKey('TrellisWorkflowId', SearchAttributeType.KEYWORD);
export const WORKFLOW_NAME_ATTRIBUTE = defineSearchAttributeKey('TrellisWorkflowName', SearchAttributeType.KEYWORD);
export const IS_TEST_ATTRIBUTE = defineSearchAttributeKey('TrellisIsTest', SearchAttributeType.BOOL);

export const TRELLIS_SEARCH_ATTRIBUTES = [OWNER_ATTRIBUTE, WORKFLOW_ID_ATTRIBUTE, WORKFLOW_NAME_ATTRIBUTE, IS_TEST_ATTRIBUTE] as const;
