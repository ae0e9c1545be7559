class Solution {
public:
    bool isWellFormed(string text) {
        string expected;  // the closers still owed, innermost last
        bool inString = false, escaped = false;
        for (char ch : text) {
            if (inString) {
                if (escaped) escaped = false;
                else if (ch == '\\') escaped = true;
                else if (ch == '"') inString = false;
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '(') expected.push_back(')');
            else if (ch == '[') expected.push_back(']');
            else if (ch == '{') expected.push_back('}');
            else if (ch == ')' || ch == ']' || ch == '}') {
                if (expected.empty() || expected.back() != ch) return false;
                expected.pop_back();
            }
        }
        return expected.empty() && !inString;
    }
};
