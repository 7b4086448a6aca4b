/** How hard a passphrase is to guess, roughly: length counts most, then variety. */
export type Strength = "tooShort" | "weak" | "fair" | "strong";

export const MIN_PASSPHRASE_CHARS = 8;

export function strengthOf(passphrase: string): Strength {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_CHARS) return "tooShort";
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(passphrase)).length;
  const words = passphrase.trim().split(/\s+/).length;
  if (length >= 20 || (length >= 14 && (kinds >= 3 || words >= 3))) return "strong";
  if (length >= 12 || kinds >= 3) return "fair";
  return "weak";
}
