import {
  Annotation,
  type BaseCheckpointSaver,
  END,
  type LangGraphRunnableConfig,
  START,
  StateGraph,
} from '@langchain/langgraph';
import type { Locale } from '@kotizo/rules-engine';
import type { TextWriter } from '../analyst/analyst.js';
import type { TokenBudget } from '../budget/token-budget.js';
import { type Clock, systemClock } from '../clock.js';
import { AgentError } from '../errors.js';
import type { AssistantPorts } from '../ports/assistant-ports.js';
import type { WrittenText } from './checked-writing.js';
import { explain, type ExplainSubject } from './explain.js';
import { monthlyReport, type MonthlyReport } from './monthly-report.js';

export type AssistantRequest =
  { kind: 'explain'; subject: ExplainSubject; question?: string } | { kind: 'monthly-report'; month: string };

export interface AssistantTurn {
  at: string;
  request: AssistantRequest;
  locale: Locale;
  answer: WrittenText;
  /** For an explanation: whether its subject was visible to the caller. */
  found: boolean;
  /** For a monthly report: the report itself (figures, late payers, cases...). */
  report: MonthlyReport | null;
}

/** What `streamMode: 'custom'` carries while an answer is written. */
export interface AssistantToken {
  type: 'token';
  token: string;
}

const ChatState = Annotation.Root({
  cooperativeId: Annotation<string>({ reducer: (_a, b) => b, default: () => '' }),
  owner: Annotation<string>({ reducer: (_a, b) => b, default: () => '' }),
  request: Annotation<AssistantRequest | null>({ reducer: (_a, b) => b, default: () => null }),
  locale: Annotation<Locale>({ reducer: (_a, b) => b, default: () => 'fr' }),
  turns: Annotation<AssistantTurn[], AssistantTurn[]>({ reducer: (a, b) => [...a, ...b], default: () => [] }),
});

export interface AssistantChatDeps {
  /** Bound to the cooperative and to the caller's rights. */
  ports: AssistantPorts;
  /** Who the thread belongs to (the user id): a thread answers its owner only. */
  owner: string;
  writer?: TextWriter | null;
  checkpointer: BaseCheckpointSaver;
  budget?: TokenBudget;
  clock?: Clock;
}

/**
 * An assistant thread: each question is one graph run, checkpointed on the
 * thread, so the history survives restarts. Answers are streamed with
 * LangGraph's `custom` stream mode, token by token; the checked text is
 * what the turn keeps.
 */
export class AssistantChat {
  private readonly graph;
  private readonly clock: Clock;

  constructor(private readonly deps: AssistantChatDeps) {
    this.clock = deps.clock ?? systemClock;
    const answer = async (state: typeof ChatState.State, config: LangGraphRunnableConfig) => {
      const request = state.request;
      if (!request) return {};
      const onToken = (token: string) => config.writer?.({ type: 'token', token } satisfies AssistantToken);
      const common = {
        ports: deps.ports,
        locale: state.locale,
        writer: deps.writer,
        budget: deps.budget,
        clock: this.clock,
        onToken,
        signal: config.signal,
      };
      const turn: AssistantTurn =
        request.kind === 'explain'
          ? await explain({ ...common, subject: request.subject, question: request.question }).then((e) => ({
              at: this.clock.now().toISOString(),
              request,
              locale: state.locale,
              answer: e.answer,
              found: e.found,
              report: null,
            }))
          : await monthlyReport({ ...common, month: request.month }).then((r) => ({
              at: this.clock.now().toISOString(),
              request,
              locale: state.locale,
              answer: r.narrative,
              found: true,
              report: r,
            }));
      return { turns: [turn], request: null };
    };
    this.graph = new StateGraph(ChatState)
      .addNode('answer', answer)
      .addEdge(START, 'answer')
      .addEdge('answer', END)
      .compile({ checkpointer: deps.checkpointer });
  }

  async ask(
    threadId: string,
    request: AssistantRequest,
    locale: Locale,
    options: { onToken?: (token: string) => void; signal?: AbortSignal } = {},
  ): Promise<AssistantTurn> {
    await this.guard(threadId);
    const stream = await this.graph.stream(
      { cooperativeId: this.deps.ports.cooperative.id, owner: this.deps.owner, request, locale },
      { configurable: { thread_id: threadId }, streamMode: ['custom', 'updates'], signal: options.signal },
    );
    let turn: AssistantTurn | undefined;
    for await (const [mode, chunk] of stream as AsyncIterable<[string, unknown]>) {
      if (mode === 'custom') options.onToken?.((chunk as AssistantToken).token);
      else turn = (chunk as { answer?: { turns?: AssistantTurn[] } }).answer?.turns?.[0] ?? turn;
    }
    if (!turn) throw new Error('the assistant produced no answer');
    return turn;
  }

  async history(threadId: string): Promise<AssistantTurn[]> {
    await this.guard(threadId);
    const snap = await this.graph.getState({ configurable: { thread_id: threadId } });
    return (snap.values as typeof ChatState.State).turns ?? [];
  }

  /** A thread belongs to one cooperative and one user; anyone else gets an error, never its history. */
  private async guard(threadId: string): Promise<void> {
    const snap = await this.graph.getState({ configurable: { thread_id: threadId } });
    const v = snap.values as Partial<typeof ChatState.State>;
    if (!v.owner) return;
    if (v.cooperativeId !== this.deps.ports.cooperative.id || v.owner !== this.deps.owner) {
      throw new AgentError(
        'AGENT_TENANT_MISMATCH',
        { fr: 'Ce fil de discussion appartient à quelqu’un d’autre.', en: 'This thread belongs to someone else.' },
        false,
      );
    }
  }
}
