// A strong password for a new account or a reset: 20 characters from an alphabet without look-alikes (0/O, 1/l/I),
// drawn with the browser's cryptographic generator and without modulo bias, so about 117 bits of entropy.

const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_";

export function generatePassword(length = 20): string {
  const out: string[] = [];
  const limit = 256 - (256 % alphabet.length);
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out.push(alphabet[byte % alphabet.length]!);
    }
  }
  return out.join("");
}
