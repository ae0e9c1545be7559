class Solution:
    def fewestBatches(self, batch_sizes: List[int], total: int) -> int:
        unreachable = total + 1  # more batches than any real answer needs
        best = [0] + [unreachable] * total  # best[t]: fewest batches for t records
        sizes = sorted(set(batch_sizes))
        for t in range(1, total + 1):
            fewest = unreachable
            for size in sizes:
                if size > t:
                    break
                if best[t - size] + 1 < fewest:
                    fewest = best[t - size] + 1
            best[t] = fewest
        return best[total] if best[total] <= total else -1
