// On a repeat, throws the whole window away and starts again at the
// current request, losing the keys between the two repeats.
var longestColdStretch = function(keys) {
    let window = new Set();
    let best = 0;
    for (const key of keys) {
        if (window.has(key)) window = new Set();
        window.add(key);
        best = Math.max(best, window.size);
    }
    return best;
};
