/**
 * Shrinks the window from the left until the new key is no longer in it.
 * @param {string[]} keys
 * @return {number}
 */
var longestColdStretch = function(keys) {
    const inWindow = new Set();
    let left = 0, best = 0;
    for (let i = 0; i < keys.length; i++) {
        while (inWindow.has(keys[i])) inWindow.delete(keys[left++]);
        inWindow.add(keys[i]);
        best = Math.max(best, i - left + 1);
    }
    return best;
};
