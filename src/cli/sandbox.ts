/** Placeholder until #4 (Bot API emulator and sandbox) lands: says so plainly instead of failing obscurely. */
export async function run(): Promise<number> {
  console.error('dondoc sandbox: not available yet; it arrives with #4 (Bot API emulator and sandbox).');
  return 3;
}
