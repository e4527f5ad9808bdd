// A catalogue rule's tunables as form fields. Every rule's defaultConfig is a flat object of
// numbers, strings and lists, so the fields are derived from it (the zod configSchema still has
// the last word when the overrides are saved). An empty field means "use the default".

export type ConfigFieldType = 'number' | 'text' | 'list';

export interface ConfigField {
  key: string;
  type: ConfigFieldType;
  // The default as text (a list: one entry per line).
  defaultText: string;
  // The saved override as text, '' when the rule uses its default.
  overrideText: string;
}

function asText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join('\n');
  return value === undefined || value === null ? '' : String(value);
}

const isObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Object-valued settings (businessHours) are not per-rule fields: the rule runs with the
// engine-wide value (effectiveRuleConfig in settings.ts), edited under allow-lists.
export function configFields(defaultConfig: unknown, overrides: Record<string, unknown> = {}): ConfigField[] {
  if (!isObject(defaultConfig)) return [];
  return Object.entries(defaultConfig as Record<string, unknown>)
    .filter(([, value]) => !isObject(value))
    .map(([key, value]) => ({
      key,
      type: Array.isArray(value) ? 'list' : typeof value === 'number' ? 'number' : 'text',
      defaultText: asText(value),
      overrideText: key in overrides ? asText(overrides[key]) : '',
    }));
}

/** The keys a rule takes from the engine-wide settings instead of its own fields. */
export function engineWideKeys(defaultConfig: unknown): string[] {
  if (!isObject(defaultConfig)) return [];
  return Object.entries(defaultConfig as Record<string, unknown>)
    .filter(([, value]) => isObject(value))
    .map(([key]) => key);
}

/**
 * Overrides from submitted `config.<key>` fields: blank fields are left out, numbers become numbers
 * (a non-number is kept as text for the schema to refuse with its own message), list lines are
 * trimmed and numeric when the default list is numeric.
 */
export function overridesFromForm(
  defaultConfig: unknown,
  read: (name: string) => string | null,
): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
  for (const field of configFields(defaultConfig)) {
    const raw = read(`config.${field.key}`)?.trim() ?? '';
    if (raw === '') continue;
    if (field.type === 'number') {
      overrides[field.key] = Number.isFinite(Number(raw)) ? Number(raw) : raw;
    } else if (field.type === 'list') {
      const defaults = (defaultConfig as Record<string, unknown[]>)[field.key] ?? [];
      const numeric = defaults.length > 0 && defaults.every((item) => typeof item === 'number');
      const lines = raw
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
      overrides[field.key] = numeric
        ? lines.map((line) => (Number.isFinite(Number(line)) ? Number(line) : line))
        : lines;
    } else {
      overrides[field.key] = raw;
    }
  }
  return overrides;
}
