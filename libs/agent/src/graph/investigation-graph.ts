import { END, START, StateGraph } from '@langchain/langgraph';
import { DEFAULT_PROVIDER_RETRY, providerRetryPolicy, type ProviderRetry } from '../analyst/provider-errors.js';
import {
  agentNode,
  checkNode,
  collectNode,
  finishNode,
  type NodeDeps,
  reviewNode,
  toolsNode,
} from './investigation-nodes.js';
import { InvestigationState, type InvestigationStateValue } from './investigation-state.js';

/**
 * START → collect → agent ⇄ tools
 *                   agent → check → (repair) → agent
 *                           check → review ⏸ → (ask) → agent
 *                                   review → finish → END
 */
export function buildInvestigationGraph(deps: NodeDeps, retry: ProviderRetry = DEFAULT_PROVIDER_RETRY) {
  return new StateGraph(InvestigationState)
    .addNode('collect', collectNode(deps))
    .addNode('agent', agentNode(deps), { retryPolicy: providerRetryPolicy(retry) })
    .addNode('tools', toolsNode(deps))
    .addNode('check', checkNode(deps))
    .addNode('review', reviewNode(deps))
    .addNode('finish', finishNode(deps))
    .addEdge(START, 'collect')
    .addEdge('collect', 'agent')
    .addConditionalEdges('agent', (s: InvestigationStateValue) => (s.pendingCalls.length > 0 ? 'tools' : 'check'), [
      'tools',
      'check',
    ])
    .addEdge('tools', 'agent')
    .addConditionalEdges('check', (s: InvestigationStateValue) => (s.repair ? 'agent' : 'review'), ['agent', 'review'])
    .addConditionalEdges('review', (s: InvestigationStateValue) => (s.decision ? 'finish' : 'agent'), [
      'finish',
      'agent',
    ])
    .addEdge('finish', END);
}
