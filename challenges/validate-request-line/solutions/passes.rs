use std::collections::HashMap;

fn hex_value(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

// Works on bytes; every '%' is known to start a valid escape by now, and
// every decoded byte is visible ASCII, so the result is valid UTF-8.
fn decode(s: &str, plus_is_space: bool) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(hex_value(b[i + 1]).unwrap() * 16 + hex_value(b[i + 2]).unwrap());
            i += 3;
        } else {
            out.push(if b[i] == b'+' && plus_is_space { b' ' } else { b[i] });
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn error(code: &str) -> Vec<Vec<String>> {
    vec![vec!["error".to_string(), code.to_string()]]
}

impl Solution {
    // One pass per check, in the statement's order; the first failure wins.
    pub fn parse_request_line(line: String) -> Vec<Vec<String>> {
        let parts: Vec<&str> = line.split(' ').collect();
        if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
            return error("malformed");
        }
        let (method, target, version) = (parts[0], parts[1], parts[2]);
        if !["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"].contains(&method) {
            return error("bad_method");
        }
        if version != "HTTP/1.0" && version != "HTTP/1.1" {
            return error("bad_version");
        }
        let t = target.as_bytes();
        if t[0] != b'/' || t.iter().any(|&c| !(33..=126).contains(&c) || c == b'#') {
            return error("bad_target");
        }
        let mut escapes = Vec::new();
        for i in 0..t.len() {
            if t[i] != b'%' {
                continue;
            }
            match (t.get(i + 1).and_then(|&c| hex_value(c)), t.get(i + 2).and_then(|&c| hex_value(c))) {
                (Some(hi), Some(lo)) => escapes.push(hi * 16 + lo),
                _ => return error("bad_escape"),
            }
        }
        if escapes.iter().any(|&b| !(32..=126).contains(&b)) {
            return error("forbidden_byte");
        }
        let (raw_path, query) = match target.find('?') {
            Some(q) => (&target[..q], &target[q + 1..]),
            None => (target, ""),
        };
        let path = decode(raw_path, false);
        if path.split('/').any(|s| s == "..") {
            return error("path_traversal");
        }
        let params: Vec<(String, String)> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| match p.find('=') {
                Some(eq) => (decode(&p[..eq], true), decode(&p[eq + 1..], true)),
                None => (decode(p, true), String::new()),
            })
            .collect();
        if params.iter().any(|(k, _)| k.is_empty()) {
            return error("empty_key");
        }
        if params.len() > 32 {
            return error("too_many_params");
        }
        let mut result = vec![vec![method.to_string(), path, version.to_string()]];
        let mut row_of: HashMap<String, usize> = HashMap::new();
        for (key, value) in params {
            match row_of.get(&key) {
                Some(&row) => result[row].push(value),
                None => {
                    row_of.insert(key.clone(), result.len());
                    result.push(vec![key, value]);
                }
            }
        }
        result
    }
}
