// Validates the query before the path and reports the first problem it
// meets while scanning left to right, instead of applying the checks in the
// order the statement fixes: a line with several problems gets the wrong code.
class Solution {
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    static vector<vector<string>> error(const string& code) { return {{"error", code}}; }

    // Decodes one field; on a problem sets `code` and returns "".
    static string decode(const string& s, bool plusIsSpace, string& code) {
        string out;
        for (size_t i = 0; i < s.size(); i++) {
            if (s[i] == '%') {
                if (i + 2 >= s.size() || hexValue(s[i + 1]) < 0 || hexValue(s[i + 2]) < 0) { code = "bad_escape"; return ""; }
                int b = hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]);
                if (b < 32 || b > 126) { code = "forbidden_byte"; return ""; }
                out += (char)b;
                i += 2;
            } else {
                out += (s[i] == '+' && plusIsSpace) ? ' ' : s[i];
            }
        }
        return out;
    }

public:
    vector<vector<string>> parseRequestLine(string line) {
        vector<string> parts;
        size_t from = 0;
        for (;;) {
            size_t at = line.find(' ', from);
            parts.push_back(line.substr(from, at == string::npos ? string::npos : at - from));
            if (at == string::npos) break;
            from = at + 1;
        }
        if (parts.size() != 3) return error("malformed");
        for (auto& p : parts) if (p.empty()) return error("malformed");
        static const set<string> methods{"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
        if (!methods.count(parts[0])) return error("bad_method");
        if (parts[2] != "HTTP/1.0" && parts[2] != "HTTP/1.1") return error("bad_version");
        const string& target = parts[1];
        if (target[0] != '/') return error("bad_target");
        for (unsigned char c : target) if (c < 33 || c > 126 || c == '#') return error("bad_target");
        size_t q = target.find('?');
        string query = q == string::npos ? "" : target.substr(q + 1);
        string code;
        vector<pair<string, string>> params;
        from = 0;
        while (from <= query.size()) {
            size_t at = query.find('&', from);
            string piece = query.substr(from, at == string::npos ? string::npos : at - from);
            from = at == string::npos ? query.size() + 1 : at + 1;
            if (piece.empty()) continue;
            size_t eq = piece.find('=');
            string key = decode(piece.substr(0, eq), true, code);
            if (!code.empty()) return error(code);
            if (key.empty()) return error("empty_key");
            string value = eq == string::npos ? "" : decode(piece.substr(eq + 1), true, code);
            if (!code.empty()) return error(code);
            params.push_back({key, value});
        }
        if (params.size() > 32) return error("too_many_params");
        string path = decode(target.substr(0, q), false, code);
        if (!code.empty()) return error(code);
        size_t start = 0;
        for (;;) {
            size_t at = path.find('/', start);
            if (path.substr(start, at == string::npos ? string::npos : at - start) == "..") return error("path_traversal");
            if (at == string::npos) break;
            start = at + 1;
        }
        vector<vector<string>> result{{parts[0], path, parts[2]}};
        unordered_map<string, size_t> rowOf;
        for (auto& [k, v] : params) {
            auto it = rowOf.find(k);
            if (it == rowOf.end()) { rowOf[k] = result.size(); result.push_back({k, v}); }
            else result[it->second].push_back(v);
        }
        return result;
    }
};
