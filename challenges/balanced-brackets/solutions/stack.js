/**
 * @param {string} text
 * @return {boolean}
 */
var isWellFormed = function(text) {
    const closer = { "(": ")", "[": "]", "{": "}" };
    const stack = [];
    let inString = false, escaped = false;
    for (const ch of text) {
        if (inString) {
            if (escaped) escaped = false;
            else if (ch === "\\") escaped = true;
            else if (ch === '"') inString = false;
        } else if (ch === '"') {
            inString = true;
        } else if (ch in closer) {
            stack.push(closer[ch]);
        } else if (ch === ")" || ch === "]" || ch === "}") {
            if (stack.length === 0 || stack.pop() !== ch) return false;
        }
    }
    return stack.length === 0 && !inString;
};
