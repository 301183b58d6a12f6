/** Placeholder until #3 (notice parser) lands: says so plainly instead of failing obscurely. */
export async function run(): Promise<number> {
  console.error('dondoc parse: not available yet; it arrives with #3 (notice parser).');
  return 3;
}
