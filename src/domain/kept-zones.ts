/**
 * Zones of a sent form that a later cancellation must repeat (besides its risk code): for ZIMA006 its
 * WorkRecoveryDate (00128), indispensable in every form of the type. Kept with the declaration as JSON.
 */
export type KeptZones = Readonly<Record<string, string>>;

/** The stored text of kept zones, or null when there are none. */
export function keptZonesText(zones: KeptZones | null): string | null {
  return zones === null || Object.keys(zones).length === 0 ? null : JSON.stringify(zones);
}

/** Kept zones from their stored text; null when none were kept or the text is no object of strings. */
export function parseKeptZones(text: string | null): KeptZones | null {
  if (text === null || text === "") return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    const entries = Object.entries(value);
    return entries.every(([, v]) => typeof v === "string") ? (Object.fromEntries(entries) as KeptZones) : null;
  } catch {
    return null;
  }
}
