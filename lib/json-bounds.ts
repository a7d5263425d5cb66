/**
 * Whether a parsed JSON value nests at most `maxDepth` levels (a string or number is depth 0, `[1]` is 1)
 * and holds at most `maxNodes` values in all. NOTE: walked with an explicit stack, never recursion, so a
 * body nested 100,000 deep is refused in linear time instead of overflowing the stack (issue 15).
 */
export function isWithinJsonBounds(value: unknown, maxDepth: number, maxNodes: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++nodes > maxNodes) return false;
    if (v === null || typeof v !== "object") continue;
    if (depth + 1 > maxDepth) return false;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}
