/**
 * @param {string[]} keys
 * @param {string[]} payloads
 * @return {string[]}
 */
var dedupeEvents = function(keys, payloads) {
    const seen = new Set();
    const applied = [];
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (key !== "") {
            if (seen.has(key)) continue;
            seen.add(key);
        }
        applied.push(payloads[i]);
    }
    return applied;
};
