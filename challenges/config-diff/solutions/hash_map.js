/**
 * @param {Object<string, string>} before
 * @param {Object<string, string>} after
 * @return {string[]}
 */
var diffConfig = function(before, after) {
    const has = (map, name) => Object.prototype.hasOwnProperty.call(map, name);
    const names = Object.keys(before);
    for (const name of Object.keys(after)) if (!has(before, name)) names.push(name);
    // Plain < compares UTF-16 code units: ASCII order for these names.
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const lines = [];
    for (const name of names) {
        if (!has(before, name)) lines.push(`+${name}=${after[name]}`);
        else if (!has(after, name)) lines.push(`-${name}`);
        else if (before[name] !== after[name]) lines.push(`~${name}: ${before[name]} -> ${after[name]}`);
    }
    return lines;
};
