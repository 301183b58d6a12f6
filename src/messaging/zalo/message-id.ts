/**
 * The port's number for a Zalo message id. Zalo's ids are strings (hex), the port and the
 * database keep numbers; Zalo cannot quote or edit messages, so the number only has to be
 * stable (the same id always gives the same number, across restarts) and rarely collide within
 * one chat. A 31-bit FNV-1a hash fits a 32-bit INTEGER column.
 */
export function numericMessageId(id: string): number {
  if (/^\d{1,9}$/.test(id)) return Number(id);
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Above the range of numeric ids taken as they are, so the two never meet.
  return 1_000_000_000 + (hash % 1_147_483_647);
}
