/**
 * @param {number[]} sizes
 * @param {number} limit
 * @return {number}
 */
var countFittingPairs = function(sizes, limit) {
    let count = 0;
    let lo = 0, hi = sizes.length - 1;
    while (lo < hi) {
        if (sizes[lo] + sizes[hi] <= limit) {
            count += hi - lo;
            lo++;
        } else {
            hi--;
        }
    }
    return count;
};
