// Pairwise alignments used by the fine stage. Tokens are interned to integers so the inner loops compare numbers.

/**
 * Longest-common-subsequence alignment of `a` against `b`: `matchOf[i]` is the index in `b` that `a[i]` matched,
 * or -1. Monotone. Ties prefer matching earlier in `a`, so a repeated word binds to its first occurrence.
 */
export function lcsAlign(a: Int32Array, b: Int32Array): Int32Array {
  const n = a.length;
  const m = b.length;
  const matchOf = new Int32Array(n).fill(-1);
  if (n === 0 || m === 0) return matchOf;
  const w = m + 1;
  const dp = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    const ai = a[i] as number;
    const row = i * w;
    const below = row + w;
    for (let j = m - 1; j >= 0; j--) {
      if (ai === b[j]) dp[row + j] = (dp[below + j + 1] as number) + 1;
      else {
        const down = dp[below + j] as number;
        const right = dp[row + j + 1] as number;
        dp[row + j] = down > right ? down : right;
      }
    }
  }
  // Forward walk over suffix scores: greedy choices stay optimal.
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j] && dp[i * w + j] === (dp[(i + 1) * w + j + 1] as number) + 1) {
      matchOf[i] = j;
      i++;
      j++;
    } else if ((dp[(i + 1) * w + j] as number) >= (dp[i * w + j + 1] as number)) i++;
    else j++;
  }
  return matchOf;
}

/** One column of a progressive multiple alignment: which tokens members put there. */
export interface ProfileColumn {
  counts: Map<number, number>;
  mode: number;
  modeCount: number;
}

export function newColumn(token: number): ProfileColumn {
  return { counts: new Map([[token, 1]]), mode: token, modeCount: 1 };
}

export function addToColumn(col: ProfileColumn, token: number): void {
  const c = (col.counts.get(token) ?? 0) + 1;
  col.counts.set(token, c);
  if (c > col.modeCount) {
    col.mode = token;
    col.modeCount = c;
  }
}

// Scores: matching a column's usual word beats matching a word seen there once; a substitution (a different word
// in the same place, i.e. a slot value) is neutral and cheaper than the two gaps it replaces.
const MODE_MATCH = 3;
const SEEN_MATCH = 2;
const SUBSTITUTE = 0;
const GAP = -1;

/**
 * Needleman–Wunsch of a member against a profile. `colOf[i]` is the column token i sits in, or -1 when it is an
 * insertion (a word no column holds at that place). Deterministic tie-break: diagonal, then insertion, then gap.
 */
export function profileAlign(member: Int32Array, cols: readonly ProfileColumn[]): Int32Array {
  const n = member.length;
  const p = cols.length;
  const w = p + 1;
  const score = new Int32Array((n + 1) * w);
  const move = new Uint8Array((n + 1) * w); // 0 diagonal, 1 insertion (i-1), 2 column gap (j-1)
  for (let j = 1; j <= p; j++) {
    score[j] = j * GAP;
    move[j] = 2;
  }
  for (let i = 1; i <= n; i++) {
    const t = member[i - 1] as number;
    const row = i * w;
    const up = row - w;
    score[row] = i * GAP;
    move[row] = 1;
    for (let j = 1; j <= p; j++) {
      const col = cols[j - 1] as ProfileColumn;
      const pair = col.mode === t ? MODE_MATCH : col.counts.has(t) ? SEEN_MATCH : SUBSTITUTE;
      let best = (score[up + j - 1] as number) + pair;
      let mv = 0;
      const ins = (score[up + j] as number) + GAP;
      if (ins > best) {
        best = ins;
        mv = 1;
      }
      const del = (score[row + j - 1] as number) + GAP;
      if (del > best) {
        best = del;
        mv = 2;
      }
      score[row + j] = best;
      move[row + j] = mv;
    }
  }
  const colOf = new Int32Array(n).fill(-1);
  let i = n;
  let j = p;
  while (i > 0 || j > 0) {
    const mv = move[i * w + j];
    if (i > 0 && j > 0 && mv === 0) {
      colOf[i - 1] = j - 1;
      i--;
      j--;
    } else if (i > 0 && (mv === 1 || j === 0)) i--;
    else j--;
  }
  return colOf;
}
