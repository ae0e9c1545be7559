// One pass per check, in the statement's order; the first failure wins.
class Solution {
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    // Every '%' is known to start a valid escape by the time we decode.
    static string decode(const string& s, bool plusIsSpace) {
        string out;
        for (size_t i = 0; i < s.size(); i++) {
            if (s[i] == '%') {
                out += (char)(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
                i += 2;
            } else if (s[i] == '+' && plusIsSpace) {
                out += ' ';
            } else {
                out += s[i];
            }
        }
        return out;
    }

    static vector<string> split(const string& s, char sep) {
        vector<string> parts;
        size_t from = 0;
        for (;;) {
            size_t at = s.find(sep, from);
            if (at == string::npos) { parts.push_back(s.substr(from)); return parts; }
            parts.push_back(s.substr(from, at - from));
            from = at + 1;
        }
    }

    static vector<vector<string>> error(const string& code) { return {{"error", code}}; }

public:
    vector<vector<string>> parseRequestLine(string line) {
        vector<string> parts = split(line, ' ');
        if (parts.size() != 3) return error("malformed");
        for (auto& p : parts) if (p.empty()) return error("malformed");
        const string &method = parts[0], &target = parts[1], &version = parts[2];
        static const set<string> methods{"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
        if (!methods.count(method)) return error("bad_method");
        if (version != "HTTP/1.0" && version != "HTTP/1.1") return error("bad_version");
        if (target[0] != '/') return error("bad_target");
        for (unsigned char c : target)
            if (c < 33 || c > 126 || c == '#') return error("bad_target");
        vector<int> escapes;
        for (size_t i = 0; i < target.size(); i++) {
            if (target[i] != '%') continue;
            if (i + 2 >= target.size() || hexValue(target[i + 1]) < 0 || hexValue(target[i + 2]) < 0)
                return error("bad_escape");
            escapes.push_back(hexValue(target[i + 1]) * 16 + hexValue(target[i + 2]));
        }
        for (int b : escapes)
            if (b < 32 || b > 126) return error("forbidden_byte");
        size_t q = target.find('?');
        string path = decode(target.substr(0, q), false);
        string query = q == string::npos ? "" : target.substr(q + 1);
        for (auto& segment : split(path, '/'))
            if (segment == "..") return error("path_traversal");
        vector<pair<string, string>> params;
        for (auto& piece : split(query, '&')) {
            if (piece.empty()) continue;
            size_t eq = piece.find('=');
            string key = piece.substr(0, eq);
            string value = eq == string::npos ? "" : piece.substr(eq + 1);
            params.push_back({decode(key, true), decode(value, true)});
        }
        for (auto& kv : params)
            if (kv.first.empty()) return error("empty_key");
        if (params.size() > 32) return error("too_many_params");
        vector<vector<string>> result{{method, path, version}};
        unordered_map<string, size_t> rowOf;
        for (auto& [key, value] : params) {
            auto it = rowOf.find(key);
            if (it == rowOf.end()) {
                rowOf[key] = result.size();
                result.push_back({key, value});
            } else {
                result[it->second].push_back(value);
            }
        }
        return result;
    }
};
