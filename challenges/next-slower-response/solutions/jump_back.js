/**
 * Right to left: to find the next slower request after i, hop along the
 * answers already computed for later requests instead of scanning.
 * @param {number[]} latencies
 * @return {number[]}
 */
var waitForSlower = function(latencies) {
    const n = latencies.length;
    const answer = new Array(n).fill(0);
    for (let i = n - 2; i >= 0; i--) {
        let j = i + 1;
        while (j < n && latencies[j] <= latencies[i]) {
            j = answer[j] === 0 ? n : j + answer[j];
        }
        if (j < n) answer[i] = j - i;
    }
    return answer;
};
