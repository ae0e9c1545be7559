// Ends a string literal at any double quote, even an escaped one (\"), so
// the rest of the text is read inside-out.
var isWellFormed = function(text) {
    const closer = { "(": ")", "[": "]", "{": "}" };
    const stack = [];
    let inString = false;
    for (const ch of text) {
        if (ch === '"') inString = !inString;
        else if (inString) continue;
        else if (ch in closer) stack.push(closer[ch]);
        else if (ch === ")" || ch === "]" || ch === "}") {
            if (stack.length === 0 || stack.pop() !== ch) return false;
        }
    }
    return stack.length === 0 && !inString;
};
