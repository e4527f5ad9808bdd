import type { Rule } from '@/lib/detections/types';
import { attackUrl } from '@/lib/findings/rule-info';

const HEADING = 'text-xs font-medium tracking-wide text-muted uppercase';

/** A catalogue rule's prose: what it means, how to triage, and when it is benign. */
export function RuleExplanation({ rule }: { rule: Rule }) {
  return (
    <div className="space-y-5 text-sm leading-6 text-fg">
      <p>{rule.description}</p>
      <section aria-labelledby="triage-steps-heading">
        <h3 id="triage-steps-heading" className={HEADING}>
          Triage steps
        </h3>
        <ol className="mt-2 list-decimal space-y-1 pl-5 marker:text-muted">
          {rule.triage.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
      {rule.falsePositives.length ? (
        <section aria-labelledby="false-positives-heading">
          <h3 id="false-positives-heading" className={HEADING}>
            Known false positives
          </h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 marker:text-muted">
            {rule.falsePositives.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** Tactic and technique with links to attack.mitre.org. */
export function AttackRefs({ rule }: { rule: Rule }) {
  return (
    <span className="flex flex-col gap-0.5">
      {[rule.tactic, rule.technique].map((ref) => (
        <a
          key={ref.id}
          href={attackUrl(ref.id)}
          target="_blank"
          rel="noreferrer"
          className="text-accent hover:underline"
        >
          <span className="font-mono text-[13px]">{ref.id}</span> {ref.name}
        </a>
      ))}
    </span>
  );
}
