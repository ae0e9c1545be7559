/* For each i, binary-search the last j with sizes[i] + sizes[j] <= limit. */
long long countFittingPairs(int* sizes, int sizesSize, long long limit) {
    long long count = 0;
    for (int i = 0; i < sizesSize; i++) {
        int lo = i + 1, hi = sizesSize; /* first j in (i, n) that does not fit */
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if ((long long)sizes[i] + sizes[mid] <= limit) lo = mid + 1; else hi = mid;
        }
        count += lo - (i + 1);
    }
    return count;
}
