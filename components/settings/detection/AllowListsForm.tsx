'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { saveDetectionSettingsAction } from '@/lib/actions/save-detection-settings';
import type { DetectionSettings } from '@/lib/detections/settings';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const TEXTAREA =
  'block w-full rounded-lg border bg-surface px-3 py-2 font-mono text-[13px] text-fg shadow-xs placeholder:text-subtle ' +
  'focus:border-accent focus:ring-2 focus:ring-accent/25 focus:outline-none disabled:opacity-60';

function ListField({
  name,
  label,
  hint,
  value,
  error,
  disabled,
  placeholder,
}: {
  name: string;
  label: string;
  hint: string;
  value: string;
  error?: string;
  disabled: boolean;
  placeholder: string;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={`field-${name}`} className="block text-sm font-medium text-fg">
        {label}
      </label>
      <textarea
        id={`field-${name}`}
        name={name}
        rows={5}
        defaultValue={value}
        disabled={disabled}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={`field-${name}-note`}
        className={`${TEXTAREA} ${error ? 'border-danger' : 'border-line-strong'}`}
      />
      <p id={`field-${name}-note`} className={error ? 'text-[13px] text-danger' : 'text-[13px] text-muted'}>
        {error ?? hint}
      </p>
    </div>
  );
}

/** Engine-wide allow-lists and business hours; read-only for non-admins. */
export function AllowListsForm({ settings, canEdit }: { settings: DetectionSettings; canEdit: boolean }) {
  const [state, formAction] = useActionState(saveDetectionSettingsAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? state.values : undefined;
  const hours = settings.businessHours;
  // React resets the form after an action: a refused save puts back what was typed (`values`).
  return (
    <form action={formAction} className="space-y-5">
      <fieldset disabled={!canEdit} className="space-y-5">
        <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
          <ListField
            name="trustedCidrs"
            label="Trusted networks (CIDR)"
            hint="One range per line: office egress, VPN, NAT. Rules that judge outside networks treat these as inside."
            placeholder={'203.0.113.0/24\n2001:db8::/32'}
            value={values?.trustedCidrs ?? settings.trustedCidrs.join('\n')}
            error={errors.trustedCidrs}
            disabled={!canEdit}
          />
          <ListField
            name="knownAccountIds"
            label="Known AWS accounts"
            hint="One 12-digit account id per line: partners, log archive, your other accounts. Sharing and trust rules do not call them external."
            placeholder="123456789012"
            value={values?.knownAccountIds ?? settings.knownAccountIds.join('\n')}
            error={errors.knownAccountIds}
            disabled={!canEdit}
          />
        </div>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-fg">Business hours</legend>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <TextField
              name="timeZone"
              label="Time zone"
              defaultValue={values?.timeZone ?? hours.timeZone}
              hint="IANA name, e.g. Europe/Berlin"
              error={errors.businessHours?.startsWith('timeZone') ? errors.businessHours : undefined}
            />
            <TextField
              name="startHour"
              label="From (hour)"
              type="number"
              min={0}
              max={23}
              defaultValue={values?.startHour ?? hours.startHour}
            />
            <TextField
              name="endHour"
              label="Until (hour)"
              type="number"
              min={1}
              max={24}
              defaultValue={values?.endHour ?? hours.endHour}
            />
          </div>
          <fieldset className="flex flex-wrap gap-2">
            <legend className="sr-only">Business days</legend>
            {DAYS.map((day, index) => (
              <label
                key={day}
                className="inline-flex items-center gap-1.5 rounded-lg border border-line-strong px-2.5 py-1.5 text-[13px] text-fg"
              >
                <input
                  type="checkbox"
                  name="days"
                  value={index}
                  defaultChecked={hours.days.includes(index)}
                />
                {day}
              </label>
            ))}
          </fieldset>
          {errors.businessHours && !errors.businessHours.startsWith('timeZone') ? (
            <p className="text-[13px] text-danger">{errors.businessHours}</p>
          ) : null}
        </fieldset>
        <div className="max-w-60">
          <TextField
            name="learningDays"
            label="Learning period (days)"
            type="number"
            min={0}
            max={90}
            defaultValue={values?.learningDays ?? settings.learningDays}
            hint="First-seen rules only learn for this long on the first data loaded."
            error={errors.learningDays}
          />
        </div>
      </fieldset>
      {state ? <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert> : null}
      {canEdit ? <SubmitButton pendingLabel="Saving…">Save allow-lists</SubmitButton> : null}
    </form>
  );
}
