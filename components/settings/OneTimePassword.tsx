import { CopyButton } from './CopyButton';

/** A generated password, shown once: it is not stored anywhere in readable form. */
export function OneTimePassword({ email, password }: { email: string; password: string }) {
  return (
    <div role="status" className="rounded-lg border border-success/30 bg-success-soft px-4 py-3 text-sm">
      <p className="font-medium text-fg">Password for {email}</p>
      <div className="mt-2 flex items-center gap-2">
        <output
          aria-label="Generated password"
          className="rounded-md border border-line bg-surface px-2.5 py-1 font-mono text-[13px] text-fg select-all"
        >
          {password}
        </output>
        <CopyButton value={password} />
      </div>
      <p className="mt-2 text-[13px] text-muted">
        Shown only this once. Hand it over privately; they can change it under Settings after signing in.
      </p>
    </div>
  );
}
