bool isWellFormed(char* text) {
    size_t n = strlen(text);
    char* expected = malloc(n + 1);
    size_t top = 0;
    bool inString = false, escaped = false, ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        char ch = text[i];
        if (inString) {
            if (escaped) escaped = false;
            else if (ch == '\\') escaped = true;
            else if (ch == '"') inString = false;
        } else if (ch == '"') inString = true;
        else if (ch == '(') expected[top++] = ')';
        else if (ch == '[') expected[top++] = ']';
        else if (ch == '{') expected[top++] = '}';
        else if (ch == ')' || ch == ']' || ch == '}') {
            if (top == 0 || expected[top - 1] != ch) ok = false;
            else top--;
        }
    }
    free(expected);
    return ok && top == 0 && !inString;
}
