/**
 * @param {number[]} toggles
 * @return {number}
 */
var flagLeftOn = function(toggles) {
    let acc = 0;
    for (const flag of toggles) acc ^= flag;  // 32-bit signed, like the ids
    return acc;
};
