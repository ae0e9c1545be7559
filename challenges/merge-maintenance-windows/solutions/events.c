/* Sweep over sorted starts and sorted ends separately: a merged window
 * closes when every booking that started has ended and the next booking
 * starts strictly later. Sorting is a hand-written radix sort (qsort is
 * slow here). */
static void radix_sort(unsigned* a, unsigned* tmp, int n) {
    for (int shift = 0; shift < 32; shift += 8) {
        int count[257] = {0};
        for (int i = 0; i < n; i++) count[((a[i] >> shift) & 255) + 1]++;
        for (int b = 0; b < 256; b++) count[b + 1] += count[b];
        for (int i = 0; i < n; i++) tmp[count[(a[i] >> shift) & 255]++] = a[i];
        for (int i = 0; i < n; i++) a[i] = tmp[i];
    }
}

int** mergeWindows(int** windows, int windowsSize, int* windowsColSize, int* returnSize, int** returnColumnSizes) {
    int n = windowsSize;
    unsigned* starts = malloc(sizeof(unsigned) * (n + 1));
    unsigned* ends = malloc(sizeof(unsigned) * (n + 1));
    unsigned* tmp = malloc(sizeof(unsigned) * (n + 1));
    for (int i = 0; i < n; i++) { starts[i] = windows[i][0]; ends[i] = windows[i][1]; }
    radix_sort(starts, tmp, n);
    radix_sort(ends, tmp, n);
    int** merged = malloc(sizeof(int*) * (n + 1));
    int* sizes = malloc(sizeof(int) * (n + 1));
    int count = 0;
    int i = 0;
    while (i < n) {
        unsigned start = starts[i];
        /* Booking i starts a window; the window ends at ends[j] once no
         * booking beyond j starts at or before that end. */
        int j = i;
        while (j + 1 < n && starts[j + 1] <= ends[j]) j++;
        merged[count] = malloc(sizeof(int) * 2);
        merged[count][0] = (int)start;
        merged[count][1] = (int)ends[j];
        sizes[count] = 2;
        count++;
        i = j + 1;
    }
    free(starts); free(ends); free(tmp);
    *returnSize = count;
    *returnColumnSizes = sizes;
    return merged;
}
