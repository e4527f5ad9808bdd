'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { saveRuleSettingAction } from '@/lib/actions/save-rule-setting';
import type { ConfigField } from '@/lib/detections/rule-config-fields';

const INPUT =
  'block w-full rounded-lg border bg-surface px-2.5 text-[13px] text-fg shadow-xs placeholder:text-subtle ' +
  'focus:border-accent focus:ring-2 focus:ring-accent/25 focus:outline-none';

/** One catalogue rule's switch and threshold overrides; every field shows the rule's default. */
export function RuleSettingForm({
  ruleId,
  title,
  enabled,
  fields,
  customised,
}: {
  ruleId: string;
  title: string;
  enabled: boolean;
  fields: ConfigField[];
  customised: boolean;
}) {
  const [state, formAction] = useActionState(saveRuleSettingAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-3" aria-label={`Settings for ${ruleId}`}>
      <input type="hidden" name="ruleId" value={ruleId} />
      <label className="inline-flex items-center gap-2 text-sm text-fg">
        <input
          type="checkbox"
          name="enabled"
          defaultChecked={enabled}
          aria-label={`${ruleId} ${title} enabled`}
        />
        Enabled
      </label>
      {fields.length > 0 ? (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {fields.map((field) => {
            const id = `${ruleId}-${field.key}`;
            const error = errors[`config.${field.key}`];
            const common = {
              id,
              name: `config.${field.key}`,
              defaultValue: field.overrideText,
              'aria-invalid': error ? true : undefined,
              'aria-describedby': `${id}-note`,
              className: `${INPUT} ${error ? 'border-danger' : 'border-line-strong'}`,
            };
            return (
              <div key={field.key} className="space-y-1">
                <label htmlFor={id} className="block font-mono text-[12px] text-fg">
                  {field.key}
                </label>
                {field.type === 'list' ? (
                  <textarea
                    {...common}
                    rows={3}
                    placeholder={field.defaultText}
                    className={`${common.className} py-1.5`}
                  />
                ) : (
                  <input
                    {...common}
                    type={field.type === 'number' ? 'number' : 'text'}
                    step="any"
                    placeholder={field.defaultText}
                    className={`${common.className} h-8`}
                  />
                )}
                <p id={`${id}-note`} className={`text-[12px] ${error ? 'text-danger' : 'text-muted'}`}>
                  {error ?? `Default: ${field.defaultText.replaceAll('\n', ', ') || '(empty)'}`}
                </p>
              </div>
            );
          })}
        </div>
      ) : (
        <p className="text-[13px] text-muted">This rule has no thresholds to tune.</p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton
          name="intent"
          value="save"
          size="sm"
          pendingLabel="Saving…"
          aria-label={`Save ${ruleId}`}
        >
          Save
        </SubmitButton>
        {customised ? (
          <SubmitButton
            name="intent"
            value="reset"
            variant="ghost"
            size="sm"
            aria-label={`Reset ${ruleId} to defaults`}
          >
            Reset to defaults
          </SubmitButton>
        ) : null}
        {state ? (
          <span
            role={state.ok ? 'status' : 'alert'}
            className={`text-[13px] ${state.ok ? 'text-success' : 'text-danger'}`}
          >
            {state.message}
          </span>
        ) : null}
      </div>
    </form>
  );
}
