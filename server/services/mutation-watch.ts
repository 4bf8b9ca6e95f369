import { RawNode, SelectQueryNode } from 'kysely';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * Watches the statements of one write in a group (group-commit.ts): whether any of them may have
 * changed data, and whether one failed. A write refused before either happened can simply be
 * left out of its group; otherwise the group needs a savepoint to undo that write alone. Anything
 * but a plain SELECT counts as a change, so a doubt costs a savepoint, never a wrong commit.
 */
export class MutationWatch implements KyselyPlugin {
  mutated = false;
  private started = 0;
  private finished = 0;

  /** True when nothing was changed and every statement that started also succeeded. */
  get untouched(): boolean {
    return !this.mutated && this.started === this.finished;
  }

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    this.started++;
    if (!isRead(node)) this.mutated = true;
    return node;
  }

  transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.finished++;
    return Promise.resolve(result);
  }
}

function isRead(node: RootOperationNode): boolean {
  if (SelectQueryNode.is(node)) return true;
  return RawNode.is(node) && /^\s*select\s/i.test(node.sqlFragments[0] ?? '');
}
