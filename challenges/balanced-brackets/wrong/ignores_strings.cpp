// A plain bracket matcher that does not know about string literals: the
// "{id}" inside a path is fine, but a lone "(" inside a string is not.
class Solution {
public:
    bool isWellFormed(string text) {
        string expected;
        for (char ch : text) {
            if (ch == '(') expected.push_back(')');
            else if (ch == '[') expected.push_back(']');
            else if (ch == '{') expected.push_back('}');
            else if (ch == ')' || ch == ']' || ch == '}') {
                if (expected.empty() || expected.back() != ch) return false;
                expected.pop_back();
            }
        }
        return expected.empty();
    }
};
