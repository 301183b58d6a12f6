/** Runs once before the test files: nothing shared to prepare yet. */
export default function setup(): void {}
