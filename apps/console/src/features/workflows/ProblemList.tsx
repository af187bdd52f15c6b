import type { DefinitionProblem } from '../../api/types';
import { IconAlert } from '../../ui/icons';

/** The API's validation problems, each with the node it names and a way to jump to its place in the editor. */
export function ProblemList({
  problems,
  nodeOf,
  onReveal,
}: {
  problems: DefinitionProblem[];
  nodeOf: (p: DefinitionProblem) => string | undefined;
  onReveal: (p: DefinitionProblem) => void;
}) {
  return (
    <section className="card problems" aria-label="Validation problems">
      <header className="card-header">
        <IconAlert />
        <h2>
          {problems.length} problem{problems.length === 1 ? '' : 's'} in the definition
        </h2>
      </header>
      <ul>
        {problems.map((problem, index) => {
          const node = nodeOf(problem);
          return (
            <li key={index} className="problem" data-node-id={node}>
              <code className="error-code">{problem.code}</code>
              {node && <span className="badge badge-neutral mono">node {node}</span>}
              <span className="problem-message">{problem.message}</span>
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() => onReveal(problem)}
                aria-label={`Show ${problem.code} in the editor`}
              >
                Show in editor
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
