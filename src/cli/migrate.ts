/** Placeholder until the foundation issue wires it. */
export async function run(): Promise<number> {
  console.error('dondoc migrate: not available yet.');
  return 3;
}
